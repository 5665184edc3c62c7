using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>The recurrent cells a generated backward runs through time, in PyTorch's gate order.</summary>
    public enum RecurrentCell
    {
        /// <summary>h = tanh(W_ih·x + b_ih + W_hh·h + b_hh) (or ReLU).</summary>
        RNN = 0,

        /// <summary>Gates i, f, g, o: c = f⊙c + i⊙g, h = o⊙tanh(c).</summary>
        LSTM = 1,

        /// <summary>Gates r, z, n: n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn)), h = (1 − z)⊙n + z⊙h.</summary>
        GRU = 2,
    }

    /// <summary>
    /// What a recurrent layer's training forward keeps for backpropagation through time: per layer
    /// and direction its input and, per step, the gates and states. Made by <see cref="Gradients.RecurrentForward(nn.Module, RecurrentCell, Tensor, int, bool, bool, bool, double, bool, out RecurrentTape)"/>.
    /// </summary>
    public sealed class RecurrentTape
    {
        internal RecurrentTape(RecurrentCell cell, bool relu, int layers, int directions, bool returnSequences, Dictionary<string, Parameter> parameters)
        {
            Cell = cell;
            Relu = relu;
            Layers = layers;
            Directions = directions;
            ReturnSequences = returnSequences;
            Parameters = parameters;
        }

        internal RecurrentCell Cell { get; }

        internal bool Relu { get; }

        internal int Layers { get; }

        internal int Directions { get; }

        internal bool ReturnSequences { get; }

        internal Dictionary<string, Parameter> Parameters { get; }

        /// <summary>
        /// Per layer but the last, in training with inter-layer dropout: the mask (1/(1 − p) or 0, N×L×D·H)
        /// that multiplied the layer's output before the next layer; empty without dropout.
        /// </summary>
        internal List<Tensor> DropoutMasks { get; } = new();

        /// <summary>Per layer·direction: the layer input N×L×In.</summary>
        internal List<Tensor> Inputs { get; } = new();

        /// <summary>Per layer·direction, per step (in time order): the saved tensors of the cell.</summary>
        internal List<Tensor[][]> Steps { get; } = new();

        /// <summary>
        /// Per layer·direction, for RNN and LSTM: whole-sequence tensors (time on dimension 1) that the
        /// backward reads step by step and in whole-sequence operations: the outputs h, and for an LSTM
        /// the activated gates [σ(i), σ(f), tanh(g), σ(o)] and the cells c and tanh(c).
        /// </summary>
        internal List<Tensor[]> Sequences { get; } = new();

        internal long Length { get; set; }

        internal long Hidden { get; set; }
    }

    public static partial class Gradients
    {
        /// <summary>
        /// Runs an RNN/LSTM/GRU module (batch first, zero initial state) step by step, keeping gates and
        /// states for <see cref="RecurrentBackward"/>; returns what the module's forward returns in the
        /// generated model: every step of the last layer (N×L×D·H) or the final hidden state (N×D·H).
        /// </summary>
        /// <param name="module">The recurrent module (its parameters are read by name).</param>
        /// <param name="cell">The cell.</param>
        /// <param name="x">The input, N×L×F.</param>
        /// <param name="layers">Stacked layers.</param>
        /// <param name="bidirectional">Whether a second direction runs from the end.</param>
        /// <param name="returnSequences">Whether every step is returned.</param>
        /// <param name="relu">RNN only: ReLU instead of tanh.</param>
        /// <param name="tape">What the backward needs.</param>
        /// <returns>The layer's output.</returns>
        public static Tensor RecurrentForward(nn.Module module, RecurrentCell cell, Tensor x, int layers, bool bidirectional, bool returnSequences, bool relu, out RecurrentTape tape) =>
            RecurrentForward(module, cell, x, layers, bidirectional, returnSequences, relu, dropout: 0, training: false, out tape);

        /// <summary>
        /// <see cref="RecurrentForward(nn.Module, RecurrentCell, Tensor, int, bool, bool, bool, out RecurrentTape)"/>
        /// with dropout between the layers, in training: each layer's output but the last's is
        /// multiplied by the mask libtorch's CPU RNN draws for the same seed (inverted dropout drawn on
        /// the time-major L×N×D·H output, as libtorch runs the layers time-major, then batch first).
        /// </summary>
        /// <param name="module">The recurrent module (its parameters are read by name).</param>
        /// <param name="cell">The cell.</param>
        /// <param name="x">The input, N×L×F.</param>
        /// <param name="layers">Stacked layers.</param>
        /// <param name="bidirectional">Whether a second direction runs from the end.</param>
        /// <param name="returnSequences">Whether every step is returned.</param>
        /// <param name="relu">RNN only: ReLU instead of tanh.</param>
        /// <param name="dropout">The drop probability between layers.</param>
        /// <param name="training">Whether the module is in training (no dropout otherwise).</param>
        /// <param name="tape">What the backward needs.</param>
        /// <returns>The layer's output.</returns>
        public static Tensor RecurrentForward(nn.Module module, RecurrentCell cell, Tensor x, int layers, bool bidirectional, bool returnSequences, bool relu, double dropout, bool training, out RecurrentTape tape)
        {
            ArgumentNullException.ThrowIfNull(module);
            ArgumentNullException.ThrowIfNull(x);
            int directions = bidirectional ? 2 : 1;
            var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            tape = new RecurrentTape(cell, relu, layers, directions, returnSequences, parameters);
            long n = x.shape[0], length = x.shape[1];
            tape.Length = length;
            Tensor layerInput = x;
            var finals = new List<Tensor>();
            for (int layer = 0; layer < layers; layer++)
            {
                var outputs = new List<Tensor>();
                finals.Clear();
                for (int direction = 0; direction < directions; direction++)
                {
                    string suffix = $"_l{layer}{(direction == 1 ? "_reverse" : string.Empty)}";
                    Tensor wih = parameters["weight_ih" + suffix], whh = parameters["weight_hh" + suffix];
                    parameters.TryGetValue("bias_ih" + suffix, out Parameter? bih);
                    parameters.TryGetValue("bias_hh" + suffix, out Parameter? bhh);
                    long hidden = whh.shape[1];
                    tape.Hidden = hidden;
                    if (cell != RecurrentCell.GRU)
                    {
                        Tensor output = FusedForward(tape, cell, relu, layerInput, wih, whh, bih, bhh, direction, out Tensor last);
                        tape.Inputs.Add(layerInput);
                        tape.Steps.Add(Array.Empty<Tensor[]>());
                        outputs.Add(output);
                        finals.Add(last);
                        continue;
                    }

                    tape.Sequences.Add(Array.Empty<Tensor>());
                    Tensor xw = bih is null ? layerInput.matmul(wih.t()) : layerInput.matmul(wih.t()).add_(bih);
                    Tensor h = zeros(new[] { n, hidden }, dtype: x.dtype, device: x.device);
                    Tensor c = zeros(new[] { n, hidden }, dtype: x.dtype, device: x.device);
                    var steps = new Tensor[length][];
                    var hs = new Tensor[length];
                    for (long s = 0; s < length; s++)
                    {
                        long t = direction == 0 ? s : length - 1 - s;
                        Tensor zx = xw.select(1, t);
                        Tensor zh = bhh is null ? h.matmul(whh.t()) : h.matmul(whh.t()).add_(bhh);
                        Tensor hPrev = h, cPrev = c;
                        switch (cell)
                        {
                            case RecurrentCell.RNN:
                                h = relu ? zx.add(zh).relu_() : zx.add(zh).tanh_();
                                steps[t] = new[] { hPrev, h };
                                break;
                            case RecurrentCell.LSTM:
                                Tensor[] gates = zx.add(zh).chunk(4, 1);
                                Tensor i = gates[0].sigmoid(), f = gates[1].sigmoid(), g = gates[2].tanh(), o = gates[3].sigmoid();
                                c = f.mul(cPrev).add_(i.mul(g));
                                Tensor tc = c.tanh();
                                h = o.mul(tc);
                                steps[t] = new[] { hPrev, cPrev, i, f, g, o, tc };
                                break;
                            default:
                                Tensor[] xs = zx.chunk(3, 1), hs3 = zh.chunk(3, 1);
                                Tensor r = xs[0].add(hs3[0]).sigmoid_(), z = xs[1].add(hs3[1]).sigmoid_();
                                Tensor nGate = xs[2].add(r.mul(hs3[2])).tanh_();
                                h = z.neg().add_(1.0).mul_(nGate).add_(z.mul(hPrev));
                                steps[t] = new[] { hPrev, r, z, nGate, hs3[2] };
                                break;
                        }

                        hs[t] = h;
                    }

                    tape.Inputs.Add(layerInput);
                    tape.Steps.Add(steps);
                    outputs.Add(stack(hs, 1));
                    finals.Add(h);
                }

                layerInput = directions == 1 ? outputs[0] : cat(outputs, 2);
                if (training && dropout > 0 && layer < layers - 1)
                {
                    Tensor mask = RecurrentDropoutMask(layerInput, dropout);
                    tape.DropoutMasks.Add(mask);
                    layerInput = layerInput.mul(mask);
                }
            }

            return returnSequences ? layerInput : (directions == 1 ? finals[0] : cat(finals, 1));
        }

        /// <summary>
        /// Backpropagation through time: from δ of the layer's output, walks the steps in reverse per
        /// direction and layer (top layer first), writing the gradients of weight_ih, weight_hh, bias_ih
        /// and bias_hh of every layer and direction, and returns ∂L/∂x.
        /// </summary>
        /// <param name="tape">The forward's tape.</param>
        /// <param name="g">δ: N×L×D·H, or N×D·H for the final state.</param>
        /// <returns>∂L/∂x, N×L×F.</returns>
        public static Tensor RecurrentBackward(RecurrentTape tape, Tensor g)
        {
            ArgumentNullException.ThrowIfNull(tape);
            ArgumentNullException.ThrowIfNull(g);
            long length = tape.Length, hidden = tape.Hidden;
            int directions = tape.Directions;
            Tensor? dOut = tape.ReturnSequences ? g : null;
            if (dOut is null && tape.Cell == RecurrentCell.GRU)
            {
                // The final state of the forward direction is step L − 1; of the reverse direction, step 0.
                dOut = zeros(new[] { g.shape[0], length, directions * hidden }, dtype: g.dtype, device: g.device);
                dOut.narrow(2, 0, hidden).select(1, length - 1).copy_(g.narrow(1, 0, hidden));
                if (directions == 2)
                {
                    dOut.narrow(2, hidden, hidden).select(1, 0).copy_(g.narrow(1, hidden, hidden));
                }
            }

            for (int layer = tape.Layers - 1; layer >= 0; layer--)
            {
                Tensor? dInput = null;
                for (int direction = 0; direction < directions; direction++)
                {
                    int index = (layer * directions) + direction;
                    string suffix = $"_l{layer}{(direction == 1 ? "_reverse" : string.Empty)}";
                    Tensor? dHFused = dOut?.narrow(2, direction * hidden, hidden);
                    Tensor input = tape.Inputs[index];
                    if (tape.Cell != RecurrentCell.GRU)
                    {
                        Tensor? dFinal = dOut is null ? g.narrow(1, direction * hidden, hidden) : null;
                        Tensor dxFused = FusedBackward(tape, index, suffix, direction, dHFused, dFinal, input);
                        dInput = dInput is null ? dxFused : dInput.add_(dxFused);
                        continue;
                    }

                    Tensor dH = dHFused!;
                    Tensor[][] steps = tape.Steps[index];
                    Tensor wih = tape.Parameters["weight_ih" + suffix], whh = tape.Parameters["weight_hh" + suffix];
                    var dZx = new Tensor[length];
                    Tensor dWhh = zeros_like(whh);
                    Tensor dbhh = zeros(new[] { whh.shape[0] }, dtype: g.dtype, device: g.device);
                    Tensor dhNext = zeros(new[] { g.shape[0], hidden }, dtype: g.dtype, device: g.device);
                    Tensor dcNext = zeros_like(dhNext);
                    for (long s = 0; s < length; s++)
                    {
                        long t = direction == 0 ? length - 1 - s : s;
                        Tensor[] saved = steps[t];
                        Tensor dh = dH.select(1, t).add(dhNext);
                        Tensor dZh, hPrev = saved[0];
                        switch (tape.Cell)
                        {
                            case RecurrentCell.RNN:
                                // h = act(z): δz = δh ⊙ act′ (tanh: 1 − h², ReLU: 1[h > 0])
                                Tensor h = saved[1];
                                dZh = tape.Relu ? dh.mul(h.sign()) : dh.mul(h.square().neg_().add_(1.0));
                                dZx[t] = dZh;
                                break;
                            case RecurrentCell.LSTM:
                                // c = f⊙c₋ + i⊙g, h = o⊙tanh c: δc = δc₊ + δh⊙o⊙(1 − tanh²c); δi = δc⊙g, δf = δc⊙c₋, δg = δc⊙i, δo = δh⊙tanh c
                                Tensor cPrev = saved[1], i = saved[2], f = saved[3], gg = saved[4], o = saved[5], tc = saved[6];
                                Tensor dc = dh.mul(o).mul_(tc.square().neg_().add_(1.0)).add_(dcNext);
                                Tensor di = dc.mul(gg).mul_(i.mul(i.neg().add(1.0)));
                                Tensor df = dc.mul(cPrev).mul_(f.mul(f.neg().add(1.0)));
                                Tensor dg = dc.mul(i).mul_(gg.square().neg_().add_(1.0));
                                Tensor dO = dh.mul(tc).mul_(o.mul(o.neg().add(1.0)));
                                dZh = cat(new[] { di, df, dg, dO }, 1);
                                dZx[t] = dZh;
                                dcNext = dc.mul(f);
                                break;
                            default:
                                // h = (1 − z)⊙n + z⊙h₋, n = tanh(xₙ + r⊙hₙ): δn = δh⊙(1 − z)⊙(1 − n²), δz = δh⊙(h₋ − n)⊙z(1 − z), δr = δn⊙hₙ⊙r(1 − r)
                                Tensor r = saved[1], z = saved[2], nGate = saved[3], hn = saved[4];
                                Tensor dn = dh.mul(z.neg().add(1.0)).mul_(nGate.square().neg_().add_(1.0));
                                Tensor dz = dh.mul(hPrev.sub(nGate)).mul_(z.mul(z.neg().add(1.0)));
                                Tensor dr = dn.mul(hn).mul_(r.mul(r.neg().add(1.0)));
                                dZx[t] = cat(new[] { dr, dz, dn }, 1);
                                dZh = cat(new[] { dr, dz, dn.mul(r) }, 1);
                                break;
                        }

                        // z = … + W_hh·h₋ + b_hh: ∂W_hh += δzᵀ·h₋, ∂b_hh += Σ δz, δh₋ = δz·W_hh (+ the direct path for GRU)
                        dWhh.add_(dZh.t().mm(hPrev));
                        dbhh.add_(dZh.sum(0L));
                        dhNext = dZh.mm(whh);
                        if (tape.Cell == RecurrentCell.GRU)
                        {
                            dhNext.add_(dh.mul(saved[2]));
                        }
                    }

                    // z = W_ih·x + b_ih at every step: ∂W_ih = Σₜ δzₜᵀ·xₜ, ∂b_ih = Σ δz, δx = δz·W_ih
                    Tensor dZ = stack(dZx, 1);
                    Tensor rows = dZ.reshape(-1, dZ.shape[2]);
                    Set(tape.Parameters["weight_ih" + suffix], rows.t().mm(input.reshape(-1, input.shape[2])));
                    Set(tape.Parameters["weight_hh" + suffix], dWhh);
                    if (tape.Parameters.TryGetValue("bias_ih" + suffix, out Parameter? bih))
                    {
                        Set(bih, rows.sum(0L));
                        Set(tape.Parameters["bias_hh" + suffix], dbhh);
                    }

                    Tensor dx = dZ.matmul(wih);
                    dInput = dInput is null ? dx : dInput.add_(dx);
                }

                // Dropout between layers: y = h⊙m, so δh = δy⊙m.
                dOut = layer > 0 && tape.DropoutMasks.Count > 0 ? dInput!.mul(tape.DropoutMasks[layer - 1]) : dInput!;
            }

            return dOut!;
        }

        /// <summary>
        /// The inter-layer dropout mask of libtorch's RNN kernels: Bernoulli(1 − p)/(1 − p) drawn on
        /// the time-major L×N×D·H layer output, returned batch first (N×L×D·H).
        /// </summary>
        private static Tensor RecurrentDropoutMask(Tensor output, double p)
        {
            long[] timeMajor = { output.shape[1], output.shape[0], output.shape[2] };
            if (p >= 1)
            {
                return zeros(new[] { output.shape[0], output.shape[1], output.shape[2] }, dtype: output.dtype, device: output.device);
            }

            using Tensor mask = empty(timeMajor, dtype: output.dtype, device: output.device).bernoulli_(1 - p).div_(1 - p);
            return mask.transpose(0, 1);
        }

        /// <summary>δh of step t: the gradient from above (none when only the final state was used) plus δh₋ from step t + 1.</summary>
        private static Tensor StepGradient(Tensor?[] fromAbove, long t, Tensor? fromNext)
        {
            Tensor? above = fromAbove[t];
            return above is null ? fromNext! : fromNext is null ? above : above.add(fromNext);
        }

        /// <summary>
        /// One direction of an RNN or LSTM layer, as libtorch's CPU kernel runs it: the input projection
        /// of every step in one matrix product (both biases folded in), then per step one
        /// <c>addmm</c> for the recurrent term and in-place activations on the single gate tensor.
        /// Keeps whole-sequence tensors for <see cref="FusedBackward"/>.
        /// </summary>
        private static Tensor FusedForward(RecurrentTape tape, RecurrentCell cell, bool relu, Tensor input, Tensor wih, Tensor whh, Tensor? bih, Tensor? bhh, int direction, out Tensor last)
        {
            long n = input.shape[0], length = input.shape[1], hidden = whh.shape[1];
            Tensor xw = input.matmul(wih.t());
            if (bih is not null)
            {
                xw.add_(bih);
            }

            if (bhh is not null)
            {
                xw.add_(bhh);
            }

            Tensor whhT = whh.t();
            Tensor h = zeros(new[] { n, hidden }, dtype: input.dtype, device: input.device);
            Tensor c = h;
            var hs = new Tensor[length];
            var acts = cell == RecurrentCell.LSTM ? new Tensor[length] : null;
            var cs = cell == RecurrentCell.LSTM ? new Tensor[length] : null;
            var tcs = cell == RecurrentCell.LSTM ? new Tensor[length] : null;
            Tensor[] xs = xw.unbind(1);
            for (long s = 0; s < length; s++)
            {
                long t = direction == 0 ? s : length - 1 - s;
                Tensor z = xs[t].addmm(h, whhT);
                if (cell == RecurrentCell.RNN)
                {
                    h = relu ? z.relu_() : z.tanh_();
                }
                else
                {
                    // z = [i f g o]: σ, σ, tanh, σ in place; c = f⊙c₋ + i⊙g; h = o⊙tanh(c)
                    Tensor[] gates = z.chunk(4, 1);
                    gates[0].sigmoid_();
                    gates[1].sigmoid_();
                    gates[2].tanh_();
                    gates[3].sigmoid_();
                    c = gates[1].mul(c).addcmul_(gates[0], gates[2], 1.0);
                    Tensor tc = c.tanh();
                    h = gates[3].mul(tc);
                    acts![t] = z;
                    cs![t] = c;
                    tcs![t] = tc;
                }

                hs[t] = h;
            }

            Tensor output = stack(hs, 1);
            tape.Sequences.Add(cell == RecurrentCell.LSTM
                ? new[] { output, stack(acts!, 1), stack(cs!, 1), stack(tcs!, 1) }
                : new[] { output });
            last = h;
            return output;
        }

        /// <summary>
        /// Backpropagation through time for one direction of an RNN or LSTM layer: the derivatives of the
        /// activations for every step at once, then per step only what depends on the next step's δ
        /// (δc, the gate gradients, δh₋ = δz·W_hh), and the weight gradients as two matrix products over
        /// all steps (∂W_ih = Σₜ δzₜᵀ·xₜ, ∂W_hh = Σₜ δzₜᵀ·hₜ₋₁, ∂b = Σ δz).
        /// </summary>
        private static Tensor FusedBackward(RecurrentTape tape, int index, string suffix, int direction, Tensor? dH, Tensor? dFinal, Tensor input)
        {
            long length = tape.Length, hidden = tape.Hidden;
            Tensor[] sequences = tape.Sequences[index];
            Tensor hsAll = sequences[0];
            long n = hsAll.shape[0];
            Tensor wih = tape.Parameters["weight_ih" + suffix], whh = tape.Parameters["weight_hh" + suffix];

            // The previous state of each step: step t − 1 forward, t + 1 in reverse, zero at the start.
            Tensor Previous(Tensor all)
            {
                Tensor zero = zeros(new[] { n, 1L, all.shape[2] }, dtype: all.dtype, device: all.device);
                return length == 1 ? zero : direction == 0
                    ? cat(new[] { zero, all.narrow(1, 0, length - 1) }, 1)
                    : cat(new[] { all.narrow(1, 1, length - 1), zero }, 1);
            }

            Tensor hPrev = Previous(hsAll);
            Tensor?[] dHs = dH is null ? new Tensor?[length] : dH.unbind(1);
            if (dH is null)
            {
                // Only the final state reached the next layer: δ enters at the direction's last step.
                dHs[direction == 0 ? length - 1 : 0] = dFinal;
            }

            var dZ = new Tensor[length];
            Tensor? dhNext = null, dcNext = null;
            if (tape.Cell == RecurrentCell.RNN)
            {
                // h = act(z): δz = δh ⊙ act′ (tanh: 1 − h², ReLU: 1[h > 0]), for every step at once
                Tensor[] derivative = (tape.Relu ? hsAll.sign() : hsAll.square().neg_().add_(1.0)).unbind(1);
                for (long s = 0; s < length; s++)
                {
                    long t = direction == 0 ? length - 1 - s : s;
                    Tensor dh = StepGradient(dHs, t, dhNext);
                    Tensor dz = dh.mul(derivative[t]);
                    dZ[t] = dz;
                    dhNext = dz.mm(whh);
                }
            }
            else
            {
                // c = f⊙c₋ + i⊙g, h = o⊙tanh c: δc = δc₊⊙f₊ + δh⊙o⊙(1 − tanh²c);
                // δ[i f g o] = [δc δc δc δh] ⊙ M, M = [g·i(1 − i), c₋·f(1 − f), i·(1 − g²), tanh c·o(1 − o)] (all steps at once)
                Tensor acts = sequences[1], cAll = sequences[2], tcAll = sequences[3];
                Tensor[] gates = acts.chunk(4, 2);
                Tensor m = acts.mul(acts.neg().add_(1.0));
                Tensor[] mg = m.chunk(4, 2);
                mg[0].mul_(gates[2]);
                mg[1].mul_(Previous(cAll));
                mg[2].copy_(gates[2].square().neg_().add_(1.0).mul_(gates[0]));
                mg[3].mul_(tcAll);
                Tensor[] od = tcAll.square().neg_().add_(1.0).mul_(gates[3]).unbind(1);
                Tensor[] f = gates[1].unbind(1), ms = m.unbind(1);
                for (long s = 0; s < length; s++)
                {
                    long t = direction == 0 ? length - 1 - s : s;
                    Tensor dh = StepGradient(dHs, t, dhNext);
                    Tensor dc = dcNext is null ? dh.mul(od[t]) : dcNext.addcmul_(dh, od[t], 1.0);
                    Tensor dz = cat(new[] { dc, dc, dc, dh }, 1).mul_(ms[t]);
                    dZ[t] = dz;
                    dcNext = dc.mul(f[t]);
                    dhNext = dz.mm(whh);
                }
            }

            // z = W_ih·x + b_ih + W_hh·h₋ + b_hh at every step: the weight gradients over all steps at once
            Tensor all = stack(dZ, 1);
            Tensor rows = all.reshape(-1, all.shape[2]);
            Tensor rowsT = rows.t();
            Set(tape.Parameters["weight_ih" + suffix], rowsT.mm(input.reshape(-1, input.shape[2])));
            Set(tape.Parameters["weight_hh" + suffix], rowsT.mm(hPrev.reshape(-1, hidden)));
            if (tape.Parameters.TryGetValue("bias_ih" + suffix, out Parameter? bih))
            {
                Tensor db = rows.sum(0L);
                Set(bih, db);
                Set(tape.Parameters["bias_hh" + suffix], db.clone());
            }

            return all.matmul(wih);
        }
    }
}

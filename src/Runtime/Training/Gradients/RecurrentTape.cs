using System;
using System.Collections.Generic;
using TorchSharp;
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
    /// What a recurrent layer's training forward keeps for backpropagation through time: one
    /// <see cref="RecurrentPass"/> per layer and direction (layer by layer, the forward direction
    /// first). Made by <see cref="Gradients.RecurrentForward(nn.Module, RecurrentCell, Tensor, int, bool, bool, bool, double, bool, out RecurrentTape)"/>.
    /// </summary>
    /// <remarks>
    /// Between layers the sequence is time-major, T×N×D·H, as libtorch runs its own recurrence: every
    /// step is then one contiguous N×… block, and the layer's output is one view of it.
    /// </remarks>
    public sealed class RecurrentTape
    {
        internal RecurrentTape(RecurrentCell cell, bool relu, int layers, int directions, bool returnSequences)
        {
            Cell = cell;
            Relu = relu;
            Layers = layers;
            Directions = directions;
            ReturnSequences = returnSequences;
        }

        internal RecurrentCell Cell { get; }

        internal bool Relu { get; }

        internal int Layers { get; }

        internal int Directions { get; }

        internal bool ReturnSequences { get; }

        /// <summary>Per layer·direction (index layer·D + direction): what its backward reads.</summary>
        internal List<RecurrentPass> Passes { get; } = new();

        /// <summary>
        /// Per layer but the last, in training with inter-layer dropout: the mask (1/(1 − p) or 0, T×N×D·H)
        /// that multiplied the layer's output before the next layer; empty without dropout.
        /// </summary>
        internal List<Tensor> DropoutMasks { get; } = new();

        internal long Length { get; set; }

        internal long Hidden { get; set; }

        /// <summary>Whether the first layer read a lookup's ids and table (<see cref="RecurrentPass.LookupIds"/>): δ then goes back per table row.</summary>
        internal bool FromLookup => Passes.Count > 0 && Passes[0].LookupTable is not null;
    }

    /// <summary>
    /// One layer and direction of a recurrent layer: its weights and the whole-sequence tensors its
    /// forward kept, time-major (step t is index t on dimension 0 whatever the direction).
    /// </summary>
    internal sealed class RecurrentPass
    {
        public RecurrentPass(Tensor input, Parameter wih, Parameter whh, Parameter? bih, Parameter? bhh, bool reverse)
        {
            Input = input;
            WeightIh = wih;
            WeightHh = whh;
            BiasIh = bih;
            BiasHh = bhh;
            Reverse = reverse;
        }

        /// <summary>The layer input, T×N×In, contiguous.</summary>
        public Tensor Input { get; }

        public Parameter WeightIh { get; }

        public Parameter WeightHh { get; }

        public Parameter? BiasIh { get; }

        public Parameter? BiasHh { get; }

        /// <summary>Whether the direction walks from the last step to the first.</summary>
        public bool Reverse { get; }

        /// <summary>
        /// The first layer after a lookup: the token ids, time-major and flat (T·N), whose table rows
        /// <see cref="Input"/> holds; null otherwise.
        /// </summary>
        public Tensor? LookupIds { get; init; }

        /// <summary>The looked-up table E (V×In), with <see cref="LookupIds"/>.</summary>
        public Tensor? LookupTable { get; init; }

        /// <summary>
        /// The hidden states with the zero initial state in the slot the walk starts from, (T + 1)×N×H:
        /// slots 1…T hold h₀…h_{T−1} for the forward direction, slots 0…T − 1 for the reverse one.
        /// </summary>
        public Tensor States { get; set; } = null!;

        /// <summary>
        /// The activated gates of every step, T×N×G·H. LSTM: [σ(i), σ(f), σ(2g̃), σ(o)] (g = tanh g̃ =
        /// 2σ(2g̃) − 1); GRU: [r, z, n]; RNN: unused (the states are the activations).
        /// </summary>
        public Tensor Gates { get; set; } = null!;

        /// <summary>LSTM: the cells c with the zero initial cell, laid out like <see cref="States"/>.</summary>
        public Tensor? Cells { get; set; }

        /// <summary>LSTM: σ(2c) of every step, T×N×H (tanh c = 2σ(2c) − 1).</summary>
        public Tensor? CellSigmoids { get; set; }

        /// <summary>GRU: W_hn·h₋ + b_hn of every step, T×N×H.</summary>
        public Tensor? HiddenN { get; set; }

        /// <summary>The last state of the walk (the direction's final hidden state), N×H.</summary>
        public Tensor Final { get; set; } = null!;

        /// <summary>hₜ of every step, T×N×H (a view of <see cref="States"/>).</summary>
        public Tensor Outputs => Shifted(States, current: true);

        /// <summary>The state each step starts from, h₋ (zero at the start of the walk), T×N×H.</summary>
        public Tensor PreviousStates => Shifted(States, current: false);

        /// <summary>LSTM: the cell each step starts from, c₋, T×N×H.</summary>
        public Tensor PreviousCells => Shifted(Cells!, current: false);

        private Tensor Shifted(Tensor slots, bool current)
        {
            long length = slots.shape[0] - 1;
            return slots.narrow(0, current != Reverse ? 1 : 0, length);
        }
    }

    public static partial class Gradients
    {
        /// <summary>
        /// Runs an RNN/LSTM/GRU module (batch first, zero initial state) through time, keeping gates and
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
        /// the time-major T×N×D·H output, as libtorch runs the layers time-major).
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
        public static Tensor RecurrentForward(nn.Module module, RecurrentCell cell, Tensor x, int layers, bool bidirectional, bool returnSequences, bool relu, double dropout, bool training, out RecurrentTape tape) =>
            Recurrent(module, cell, x, null, null, layers, bidirectional, returnSequences, relu, dropout, training, out tape);

        /// <summary>
        /// <see cref="RecurrentForward(nn.Module, RecurrentCell, Tensor, int, bool, bool, bool, double, bool, out RecurrentTape)"/>
        /// for a layer whose input <paramref name="x"/> is a lookup, x = E[ids] (an Embedding's output): the
        /// first layer's input projection multiplies the table instead of every position,
        /// x·W_ihᵀ + b = (E·W_ihᵀ + b)[ids] (V rows instead of N·L), and its backward
        /// (<see cref="RecurrentLookupBackward"/>) returns δ per table row.
        /// </summary>
        /// <param name="module">The recurrent module (its parameters are read by name).</param>
        /// <param name="cell">The cell.</param>
        /// <param name="ids">The token ids, N×L.</param>
        /// <param name="table">The looked-up table E, V×F.</param>
        /// <param name="x">The lookup's output E[ids], N×L×F.</param>
        /// <param name="layers">Stacked layers.</param>
        /// <param name="bidirectional">Whether a second direction runs from the end.</param>
        /// <param name="returnSequences">Whether every step is returned.</param>
        /// <param name="relu">RNN only: ReLU instead of tanh.</param>
        /// <param name="tape">What the backward needs.</param>
        /// <returns>The layer's output.</returns>
        public static Tensor RecurrentForwardFromLookup(nn.Module module, RecurrentCell cell, Tensor ids, Tensor table, Tensor x, int layers, bool bidirectional, bool returnSequences, bool relu, out RecurrentTape tape) =>
            RecurrentForwardFromLookup(module, cell, ids, table, x, layers, bidirectional, returnSequences, relu, dropout: 0, training: false, out tape);

        /// <summary>
        /// <see cref="RecurrentForwardFromLookup(nn.Module, RecurrentCell, Tensor, Tensor, Tensor, int, bool, bool, bool, out RecurrentTape)"/>
        /// with dropout between the layers, in training (as <see cref="RecurrentForward(nn.Module, RecurrentCell, Tensor, int, bool, bool, bool, double, bool, out RecurrentTape)"/>).
        /// </summary>
        /// <param name="module">The recurrent module (its parameters are read by name).</param>
        /// <param name="cell">The cell.</param>
        /// <param name="ids">The token ids, N×L.</param>
        /// <param name="table">The looked-up table E, V×F.</param>
        /// <param name="x">The lookup's output E[ids], N×L×F.</param>
        /// <param name="layers">Stacked layers.</param>
        /// <param name="bidirectional">Whether a second direction runs from the end.</param>
        /// <param name="returnSequences">Whether every step is returned.</param>
        /// <param name="relu">RNN only: ReLU instead of tanh.</param>
        /// <param name="dropout">The drop probability between layers.</param>
        /// <param name="training">Whether the module is in training (no dropout otherwise).</param>
        /// <param name="tape">What the backward needs.</param>
        /// <returns>The layer's output.</returns>
        public static Tensor RecurrentForwardFromLookup(nn.Module module, RecurrentCell cell, Tensor ids, Tensor table, Tensor x, int layers, bool bidirectional, bool returnSequences, bool relu, double dropout, bool training, out RecurrentTape tape)
        {
            ArgumentNullException.ThrowIfNull(ids);
            ArgumentNullException.ThrowIfNull(table);
            return Recurrent(module, cell, x, ids, table, layers, bidirectional, returnSequences, relu, dropout, training, out tape);
        }

        private static Tensor Recurrent(nn.Module module, RecurrentCell cell, Tensor x, Tensor? ids, Tensor? table, int layers, bool bidirectional, bool returnSequences, bool relu, double dropout, bool training, out RecurrentTape tape)
        {
            ArgumentNullException.ThrowIfNull(module);
            ArgumentNullException.ThrowIfNull(x);

            // The gates are activated in place in views of one buffer, which autograd would refuse.
            using var noGrad = no_grad();
            int directions = bidirectional ? 2 : 1;
            var parameters = new Dictionary<string, Parameter>();
            foreach ((string name, Parameter parameter) in module.named_parameters())
            {
                parameters[name] = parameter;
            }

            tape = new RecurrentTape(cell, relu, layers, directions, returnSequences) { Length = x.shape[1] };

            // Time-major, as libtorch runs it: T×N×F, one contiguous block per step (the ids T·N, flat).
            Tensor layerInput = x.transpose(0, 1).contiguous();
            Tensor? stepIds = ids?.transpose(0, 1).reshape(-1);
            var finals = new Tensor[directions];
            for (int layer = 0; layer < layers; layer++)
            {
                var outputs = new Tensor[directions];
                for (int direction = 0; direction < directions; direction++)
                {
                    string suffix = $"_l{layer}{(direction == 1 ? "_reverse" : string.Empty)}";
                    parameters.TryGetValue("bias_ih" + suffix, out Parameter? bih);
                    parameters.TryGetValue("bias_hh" + suffix, out Parameter? bhh);
                    var pass = new RecurrentPass(layerInput, parameters["weight_ih" + suffix], parameters["weight_hh" + suffix], bih, bhh, reverse: direction == 1)
                    {
                        LookupIds = layer == 0 ? stepIds : null,
                        LookupTable = layer == 0 ? table : null,
                    };
                    tape.Hidden = pass.WeightHh.shape[1];
                    switch (cell)
                    {
                        case RecurrentCell.RNN:
                            RnnForward(pass, relu);
                            break;
                        case RecurrentCell.LSTM:
                            LstmForward(pass);
                            break;
                        default:
                            GruForward(pass);
                            break;
                    }

                    tape.Passes.Add(pass);
                    outputs[direction] = pass.Outputs;
                    finals[direction] = pass.Final;
                }

                // T×N×D·H: the next layer's input.
                layerInput = directions == 1 ? outputs[0] : cat(outputs, 2);
                if (training && dropout > 0 && layer < layers - 1)
                {
                    Tensor mask = RecurrentDropoutMask(layerInput, dropout);
                    tape.DropoutMasks.Add(mask);
                    layerInput = layerInput.mul(mask);
                }
            }

            return returnSequences ? layerInput.transpose(0, 1) : (directions == 1 ? finals[0] : cat(finals, 1));
        }

        /// <summary>
        /// The inter-layer dropout mask of libtorch's RNN kernels: Bernoulli(1 − p)/(1 − p) drawn on the
        /// time-major T×N×D·H layer output.
        /// </summary>
        private static Tensor RecurrentDropoutMask(Tensor output, double p)
        {
            if (p >= 1)
            {
                return zeros_like(output);
            }

            return empty_like(output).bernoulli_(1 - p).div_(1 - p);
        }

        /// <summary>
        /// Backpropagation through time: from δ of the layer's output, walks the steps in reverse per
        /// direction and layer (top layer first), writing the gradients of weight_ih, weight_hh, bias_ih
        /// and bias_hh of every layer and direction, and returns ∂L/∂x.
        /// </summary>
        /// <param name="tape">The forward's tape (its gate buffers become the gates' gradients).</param>
        /// <param name="g">δ: N×L×D·H, or N×D·H for the final state.</param>
        /// <returns>∂L/∂x, N×L×F.</returns>
        public static Tensor RecurrentBackward(RecurrentTape tape, Tensor g)
        {
            ArgumentNullException.ThrowIfNull(tape);
            if (tape.FromLookup)
            {
                throw new ArgumentException("The layer read a lookup's table (RecurrentForwardFromLookup): its backward is RecurrentLookupBackward.", nameof(tape));
            }

            return Through(tape, g, inputGradient: true)!;
        }

        /// <summary>
        /// <see cref="RecurrentBackward"/> for a layer run by <c>RecurrentForwardFromLookup</c>: the
        /// weights' gradients, and δ of the looked-up table per row instead of δ per position: with
        /// S = Σ δz over the positions holding each id (V×G·H), ∂W_ih = Sᵀ·E and δE = S·W_ih, summed over
        /// the directions.
        /// </summary>
        /// <param name="tape">The forward's tape.</param>
        /// <param name="g">δ: N×L×D·H, or N×D·H for the final state.</param>
        /// <returns>δ of the table, V×F.</returns>
        public static Tensor RecurrentLookupBackward(RecurrentTape tape, Tensor g)
        {
            ArgumentNullException.ThrowIfNull(tape);
            if (!tape.FromLookup)
            {
                throw new ArgumentException("The layer did not read a lookup's table: its backward is RecurrentBackward.", nameof(tape));
            }

            return Through(tape, g, inputGradient: true)!;
        }

        /// <summary>
        /// <see cref="RecurrentBackward"/> for a layer whose input is the data: the weights' gradients only,
        /// without δx = δz·W_ih of the first layer.
        /// </summary>
        /// <param name="tape">The forward's tape.</param>
        /// <param name="g">δ: N×L×D·H, or N×D·H for the final state.</param>
        public static void RecurrentWeightGradients(RecurrentTape tape, Tensor g) => Through(tape, g, inputGradient: false);

        private static Tensor? Through(RecurrentTape tape, Tensor g, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(tape);
            ArgumentNullException.ThrowIfNull(g);
            using var noGrad = no_grad();
            long length = tape.Length, hidden = tape.Hidden, n = g.shape[0];
            int directions = tape.Directions;

            // δ of the top layer's outputs, time-major T×N×D·H; with only the final state used, δ enters
            // at the last step of each direction's walk (step L − 1 forward, step 0 in reverse).
            Tensor? dOut = tape.ReturnSequences ? g.transpose(0, 1) : null;
            for (int layer = tape.Layers - 1; layer >= 0; layer--)
            {
                Tensor? dInput = null;
                for (int direction = 0; direction < directions; direction++)
                {
                    RecurrentPass pass = tape.Passes[(layer * directions) + direction];

                    // δh of every step, T×N×H, a fresh buffer: the walk adds δh₋ = δz·W_hh into it in place.
                    Tensor dH;
                    if (dOut is null)
                    {
                        dH = zeros(new[] { length, n, hidden }, dtype: g.dtype, device: g.device);
                        dH.select(0, pass.Reverse ? 0 : length - 1).copy_(g.narrow(1, direction * hidden, hidden));
                    }
                    else
                    {
                        dH = empty(new[] { length, n, hidden }, dtype: g.dtype, device: g.device).copy_(dOut.narrow(2, direction * hidden, hidden));
                    }

                    bool dx = layer > 0 || inputGradient;
                    Tensor? dxPass = tape.Cell switch
                    {
                        RecurrentCell.RNN => RnnBackward(pass, dH, tape.Relu, dx),
                        RecurrentCell.LSTM => LstmBackward(pass, dH, dx),
                        _ => GruBackward(pass, dH, dx),
                    };
                    dInput = dInput is null ? dxPass : dInput.add_(dxPass!);
                }

                // δ of the layer input, T×N×In: the layer below's δ of its outputs; through the dropout
                // between layers y = h⊙m, so δh = δy⊙m.
                dOut = layer > 0 && tape.DropoutMasks.Count > 0 ? dInput!.mul(tape.DropoutMasks[layer - 1]) : dInput;
            }

            // After a lookup, δ is per table row already (V×F).
            return tape.FromLookup ? dOut : dOut?.transpose(0, 1);
        }

        /// <summary>
        /// The input projection of every step in one matrix product, T×N×G·H:
        /// z = x·W_ihᵀ + <paramref name="bias"/> over the T·N rows of the time-major input.
        /// </summary>
        private static Tensor InputProjection(RecurrentPass pass, Tensor wih, Tensor? bias)
        {
            Tensor input = pass.Input;
            if (pass.LookupTable is Tensor table)
            {
                // x = E[ids]: (E·W_ihᵀ + b)[ids], one row per table entry instead of per position.
                Tensor projected = bias is null ? table.mm(wih.t()) : bias.addmm(table, wih.t(), 1, 1);
                return projected.index_select(0, pass.LookupIds!).view(input.shape[0], input.shape[1], -1);
            }

            Tensor rows = input.view(-1, input.shape[2]);
            Tensor z = bias is null ? rows.mm(wih.t()) : bias.addmm(rows, wih.t(), 1, 1);
            return z.view(input.shape[0], input.shape[1], -1);
        }

        /// <summary>The step order of a walk: 0 … T − 1, or T − 1 … 0 in reverse.</summary>
        private static long Step(RecurrentPass pass, long s, long length) => pass.Reverse ? length - 1 - s : s;

        /// <summary>
        /// The states of a walk stacked with the zero initial state in the slot the walk starts from
        /// ((T + 1)×N×H; see <see cref="RecurrentPass.States"/>).
        /// </summary>
        private static Tensor WithInitial(Tensor[] steps, bool reverse)
        {
            Tensor zero = zeros_like(steps[0]);
            var slots = new Tensor[steps.Length + 1];
            Array.Copy(steps, 0, slots, reverse ? 0 : 1, steps.Length);
            slots[reverse ? steps.Length : 0] = zero;
            return stack(slots, 0);
        }

        /// <summary>
        /// The weight gradients of a layer and direction from the pre-activation gradients of every step,
        /// in one matrix product each, and δ of its input:
        /// ∂W_ih = Σₜ δzₜᵀ·xₜ, ∂W_hh = Σₜ δzₜᵀ·hₜ₋₁ (the step from the zero state adds nothing), ∂b = Σₜ δz,
        /// δx = δz·W_ih.
        /// </summary>
        /// <param name="pass">The layer and direction.</param>
        /// <param name="dZx">δ of the input projection x·W_ihᵀ + b_ih, T×N×G·H.</param>
        /// <param name="dZh">δ of the recurrent term W_hh·h₋ + b_hh, T×N×G·H (the same tensor for RNN and LSTM).</param>
        /// <param name="inputGradient">Whether δx is needed.</param>
        /// <returns>δx, T×N×In, or null.</returns>
        private static Tensor? WeightGradients(RecurrentPass pass, Tensor dZx, Tensor dZh, bool inputGradient)
        {
            long length = dZx.shape[0], gates = dZx.shape[2];
            Tensor x = pass.Input;
            Tensor rows = dZx.view(-1, gates);

            // After a lookup x = E[ids]: S = Σ δz over the positions of each id, ∂W_ih = Sᵀ·E, δE = S·W_ih.
            Tensor? perId = null;
            if (pass.LookupTable is Tensor table)
            {
                perId = zeros(new[] { table.shape[0], gates }, dtype: rows.dtype, device: rows.device).index_add_(0, pass.LookupIds!, rows, 1.0);
                WriteGradient(pass.WeightIh, perId.t().mm(table));
            }
            else
            {
                // Computed as (xᵀ·δz)ᵀ: libtorch's CPU product is faster in that orientation.
                WriteGradient(pass.WeightIh, x.view(-1, x.shape[2]).t().mm(rows).t());
            }
            if (length > 1)
            {
                // Every step but the walk's first, whose h₋ is zero.
                Tensor later = dZh.narrow(0, pass.Reverse ? 0 : 1, length - 1).reshape(-1, gates);
                Tensor previous = pass.States.narrow(0, 1, length - 1).reshape(-1, pass.States.shape[2]);
                WriteGradient(pass.WeightHh, previous.t().mm(later).t());
            }
            else
            {
                WriteGradient(pass.WeightHh, zeros_like(pass.WeightHh));
            }

            if (pass.BiasIh is not null)
            {
                Tensor db = rows.sum(0L);
                WriteGradient(pass.BiasIh, db);
                WriteGradient(pass.BiasHh!, ReferenceEquals(dZh, dZx) ? db.clone() : dZh.view(-1, gates).sum(0L));
            }

            if (!inputGradient)
            {
                return null;
            }

            return perId is null ? rows.mm(pass.WeightIh).view(length, x.shape[1], -1) : perId.mm(pass.WeightIh);
        }

        /// <summary>
        /// Writes a recurrent weight's gradient into the <c>.grad</c> the previous step left (as autograd
        /// accumulates into an existing gradient), or assigns it (in the parameter's layout) on the first
        /// step. The weights of a recurrent layer are its largest gradients; a new one every step, made
        /// after the step's whole-sequence buffers and kept past them, fragments the native heap so that
        /// those buffers land on fresh pages every step (measured: about 250 page faults, 0.5 ms, per step
        /// of the benchmark LSTM). Inside <see cref="Accumulate"/> (a reused layer) it adds, through <see cref="Set"/>.
        /// </summary>
        private static void WriteGradient(Parameter parameter, Tensor value)
        {
            using Tensor? grad = parameter.grad;
            if (t_accumulating == 0 && grad is not null && grad.dtype == value.dtype && grad.device_type == value.device_type && grad.shape.AsSpan().SequenceEqual(value.shape) && grad.is_contiguous())
            {
                grad.copy_(value);
            }
            else
            {
                Set(parameter, value.contiguous());
            }
        }

        /// <summary>
        /// One direction of an RNN: the input projection of every step at once (both biases folded in),
        /// then per step one <c>addmm_</c> for W_hh·h₋ and the activation in place, straight into the
        /// states buffer.
        /// </summary>
        private static void RnnForward(RecurrentPass pass, bool relu)
        {
            Tensor x = pass.Input, whh = pass.WeightHh;
            long length = x.shape[0], n = x.shape[1], hidden = whh.shape[1];
            pass.States = zeros(new[] { length + 1, n, hidden }, dtype: x.dtype, device: x.device);
            Tensor z = pass.Outputs;
            if (pass.LookupTable is not null)
            {
                z.copy_(InputProjection(pass, pass.WeightIh, pass.BiasIh is null ? null : pass.BiasIh.add(pass.BiasHh!)));
            }
            else
            {
                if (pass.BiasIh is not null)
                {
                    z.add_(pass.BiasIh).add_(pass.BiasHh!);
                }

                z.view(-1, hidden).addmm_(x.view(-1, x.shape[2]), pass.WeightIh.t(), 1, 1);
            }
            Tensor whhT = whh.t();
            Tensor[] zs = z.unbind(0);
            Tensor? h = null;
            for (long s = 0; s < length; s++)
            {
                // h = act(W_ih·x + b_ih + W_hh·h₋ + b_hh)
                Tensor zt = zs[Step(pass, s, length)];
                if (h is not null)
                {
                    zt.addmm_(h, whhT, 1, 1);
                }

                h = relu ? zt.relu_() : zt.tanh_();
            }

            pass.Final = h!;
        }

        /// <summary>
        /// Backpropagation through time for one direction of an RNN: act′ of every step at once
        /// (tanh: 1 − h², ReLU: 1[h &gt; 0]), then per step δz = δh⊙act′ in place and δh₋ += δz·W_hh.
        /// </summary>
        private static Tensor? RnnBackward(RecurrentPass pass, Tensor dH, bool relu, bool inputGradient)
        {
            long length = dH.shape[0];
            Tensor h = pass.Outputs;
            Tensor[] derivative = (relu ? h.sign() : h.square().neg_().add_(1.0)).unbind(0);
            Tensor[] dz = dH.unbind(0);
            Tensor whh = pass.WeightHh;
            for (long s = 0; s < length; s++)
            {
                // δz = (δhₜ + δzₜ₊₁·W_hh)⊙act′: dH becomes δz step by step
                long t = Step(pass, length - 1 - s, length);
                dz[t].mul_(derivative[t]);
                if (s < length - 1)
                {
                    dz[Step(pass, length - 2 - s, length)].addmm_(dz[t], whh, 1, 1);
                }
            }

            return WeightGradients(pass, dH, dH, inputGradient);
        }

        /// <summary>
        /// One direction of an LSTM, in as few operations per step as the recurrence allows: the input
        /// projection of every step at once (both biases folded in), then per step one <c>addmm_</c> for
        /// W_hh·h₋ into that step's gates and ONE sigmoid for all four gates. tanh is written as
        /// tanh u = 2σ(2u) − 1, which libtorch computes faster on the CPU: the g rows of the weights are
        /// doubled beforehand, so g = 2σ(2g̃) − 1 and c = f⊙c₋ + i⊙g = f⊙c₋ + 2·i⊙σ(2g̃) − i; likewise
        /// h = o⊙tanh c = 2·o⊙σ(2c) − o.
        /// </summary>
        private static void LstmForward(RecurrentPass pass)
        {
            Tensor x = pass.Input, whh = pass.WeightHh;
            long length = x.shape[0], hidden = whh.shape[1];
            Tensor wih2 = DoubleRows(pass.WeightIh.clone(), hidden);
            Tensor whh2 = DoubleRows(whh.clone(), hidden);
            Tensor? bias2 = pass.BiasIh is null ? null : DoubleRows(pass.BiasIh.add(pass.BiasHh!), hidden);
            Tensor z = InputProjection(pass, wih2, bias2);
            Tensor[] gates = z.chunk(4, 2);
            Tensor whhT = whh2.t();

            Tensor[] zs = z.unbind(0), i = gates[0].unbind(0), f = gates[1].unbind(0), sg = gates[2].unbind(0), o = gates[3].unbind(0);
            var hs = new Tensor[length];
            var cs = new Tensor[length];
            var scs = new Tensor[length];
            using Scalar two = 2.0;
            Tensor? h = null, c = null;
            for (long s = 0; s < length; s++)
            {
                long t = Step(pass, s, length);
                if (h is not null)
                {
                    zs[t].addmm_(h, whhT, 1, 1);
                }

                // [i f g o] = σ(z) in place (g as σ(2g̃)); c = f⊙c₋ + 2·i⊙σ(2g̃) − i; h = −o + 2·o⊙σ(2c)
                zs[t].sigmoid_();
                if (c is null)
                {
                    c = i[t].mul(sg[t]);
                    c.add_(c);
                }
                else
                {
                    c = f[t].mul(c).addcmul_(i[t], sg[t], two);
                }

                c.sub_(i[t]);
                Tensor sc = c.add(c).sigmoid_();
                h = o[t].neg().addcmul_(o[t], sc, two);
                hs[t] = h;
                cs[t] = c;
                scs[t] = sc;
            }

            pass.Gates = z;
            pass.States = WithInitial(hs, pass.Reverse);
            pass.Cells = WithInitial(cs, pass.Reverse);
            pass.CellSigmoids = stack(scs, 0);
            pass.Final = h!;
        }

        /// <summary>The g rows of an LSTM weight or bias (the third of the four gate blocks) doubled in place.</summary>
        private static Tensor DoubleRows(Tensor gateRows, long hidden)
        {
            gateRows.narrow(0, 2 * hidden, hidden).mul_(2.0);
            return gateRows;
        }

        /// <summary>
        /// Backpropagation through time for one direction of an LSTM. Everything that does not depend on
        /// the next step's δ is computed for all steps at once: with δz = [δc δc δc δh] ⊙ M,
        /// M = [g·i(1 − i), c₋·f(1 − f), i·(1 − g²), tanh c·o(1 − o)], and ∂h/∂c = o⊙(1 − tanh²c).
        /// Per step only the recurrence is left: δc = δc₊⊙f₊ + δh⊙∂h/∂c, M turned into δz in place,
        /// δh₋ += δz·W_hh; the weight gradients follow over all steps at once.
        /// </summary>
        private static Tensor? LstmBackward(RecurrentPass pass, Tensor dH, bool inputGradient)
        {
            long length = dH.shape[0], n = dH.shape[1], hidden = dH.shape[2];
            Tensor m = pass.Gates;
            Tensor[] gates = m.chunk(4, 2);
            Tensor tanhC = pass.CellSigmoids!.mul_(2.0).sub_(1.0);
            Tensor dhdc = gates[3].addcmul(tanhC.square(), gates[3], -1.0);
            Tensor forget = gates[1].clone();
            Tensor g = gates[2].mul(2.0).sub_(1.0);

            // σ′ = σ − σ² for the four sigmoids, in place (the tape's gates become M, then δz);
            // 1 − g² = 4·σ(2g̃)(1 − σ(2g̃)).
            gates[2].addcmul_(gates[2], gates[2], -1.0).mul_(gates[0]).mul_(4.0);
            gates[0].addcmul_(gates[0], gates[0], -1.0).mul_(g);
            gates[1].addcmul_(gates[1], gates[1], -1.0).mul_(pass.PreviousCells);
            gates[3].addcmul_(gates[3], gates[3], -1.0).mul_(tanhC);
            g.Dispose();

            Tensor[] ms = m.unbind(0), mc = m.view(length, n, 4, hidden).narrow(2, 0, 3).unbind(0), mo = gates[3].unbind(0);
            Tensor[] dh = dH.unbind(0), hc = dhdc.unbind(0), f = forget.unbind(0);
            Tensor whh = pass.WeightHh;
            Tensor? dc = null, dc3 = null;
            for (long k = 0; k < length; k++)
            {
                long t = Step(pass, length - 1 - k, length);
                if (dc is null)
                {
                    dc = dh[t].mul(hc[t]);
                    dc3 = dc.unsqueeze(1);
                }
                else
                {
                    // δc = δc₊⊙f₊ + δh⊙o⊙(1 − tanh²c)
                    dc.mul_(f[Step(pass, length - k, length)]).addcmul_(dh[t], hc[t], 1.0);
                }

                // δ[i f g] = δc ⊙ M, δo = δh ⊙ M: M becomes δz in place
                mc[t].mul_(dc3!);
                mo[t].mul_(dh[t]);
                if (k < length - 1)
                {
                    dh[Step(pass, length - 2 - k, length)].addmm_(ms[t], whh, 1, 1);
                }
            }

            return WeightGradients(pass, m, m, inputGradient);
        }

        /// <summary>
        /// One direction of a GRU: the input projection of every step at once, then per step W_hh·h₋ + b_hh
        /// in one <c>addmm</c>, r and z in one sigmoid, n = tanh(xₙ + r⊙hₙ) and h = n + z⊙(h₋ − n) (a lerp),
        /// the gates in place in the projection's buffer.
        /// </summary>
        private static void GruForward(RecurrentPass pass)
        {
            Tensor x = pass.Input, whh = pass.WeightHh;
            long length = x.shape[0], n = x.shape[1], hidden = whh.shape[1];
            Tensor z = InputProjection(pass, pass.WeightIh, pass.BiasIh);
            Tensor[] zs = z.unbind(0), rz = z.narrow(2, 0, 2 * hidden).unbind(0);
            Tensor[] gates = z.chunk(3, 2);
            Tensor[] r = gates[0].unbind(0), u = gates[1].unbind(0), ns = gates[2].unbind(0);
            Tensor whhT = whh.t();
            Tensor h = zeros(new[] { n, hidden }, dtype: x.dtype, device: x.device);
            Tensor? bhh = pass.BiasHh;
            var hs = new Tensor[length];
            var hns = new Tensor[length];
            for (long s = 0; s < length; s++)
            {
                long t = Step(pass, s, length);

                // W_hh·h₋ + b_hh = [h_r h_z h_n]; from the zero state it is b_hh
                Tensor hz = s == 0
                    ? (bhh is null ? zeros(new[] { n, 3 * hidden }, dtype: x.dtype, device: x.device) : bhh.expand(n, 3 * hidden))
                    : (bhh is null ? h.mm(whhT) : bhh.addmm(h, whhT, 1, 1));
                Tensor[] parts = hz.split(new[] { 2 * hidden, hidden }, 1);

                // [r z] = σ(x_rz + h_rz); n = tanh(xₙ + r⊙hₙ); h = (1 − z)⊙n + z⊙h₋
                rz[t].add_(parts[0]).sigmoid_();
                Tensor nt = ns[t].addcmul_(r[t], parts[1], 1.0).tanh_();
                h = nt.lerp(h, u[t]);
                hs[t] = h;
                hns[t] = parts[1];
            }

            pass.Gates = z;
            pass.States = WithInitial(hs, pass.Reverse);
            pass.HiddenN = stack(hns, 0);
            pass.Final = h;
        }

        /// <summary>
        /// Backpropagation through time for one direction of a GRU. For all steps at once:
        /// δn = δh⊙(1 − z)⊙(1 − n²), δz = δh⊙(h₋ − n)⊙z(1 − z), δr = δn⊙hₙ⊙r(1 − r), so that
        /// δz_x = [δr δz δn] = δh ⊙ A; the recurrent term sees [δr δz δn⊙r]. Per step: A turned into δz_x in
        /// place, δz_h = δz_x⊙[1 1 r], δh₋ += δz_h·W_hh + δh⊙z.
        /// </summary>
        private static Tensor? GruBackward(RecurrentPass pass, Tensor dH, bool inputGradient)
        {
            long length = dH.shape[0], n = dH.shape[1], hidden = dH.shape[2];
            Tensor[] gates = pass.Gates.chunk(3, 2);
            Tensor r = gates[0], z = gates[1], nGate = gates[2];
            Tensor an = z.neg().add_(1.0).mul_(nGate.square().neg_().add_(1.0));
            Tensor a = cat(
                new[]
                {
                    r.neg().add_(1.0).mul_(r).mul_(pass.HiddenN!).mul_(an),
                    pass.PreviousStates.sub(nGate).mul_(z.neg().add_(1.0).mul_(z)),
                    an,
                },
                2);
            Tensor dZh = cat(new[] { ones(new[] { length, n, 2 * hidden }, dtype: dH.dtype, device: dH.device), r }, 2);

            Tensor[] ax = a.view(length, n, 3, hidden).unbind(0), dzx = a.unbind(0), dzh = dZh.unbind(0);
            Tensor[] dh = dH.unbind(0), dh3 = dH.unsqueeze(2).unbind(0), zs = z.unbind(0);
            Tensor whh = pass.WeightHh;
            for (long k = 0; k < length; k++)
            {
                long t = Step(pass, length - 1 - k, length);
                ax[t].mul_(dh3[t]);
                dzh[t].mul_(dzx[t]);
                if (k < length - 1)
                {
                    long previous = Step(pass, length - 2 - k, length);
                    dh[previous].addmm_(dzh[t], whh, 1, 1).addcmul_(dh[t], zs[t], 1.0);
                }
            }

            return WeightGradients(pass, a, dZh, inputGradient);
        }
    }
}

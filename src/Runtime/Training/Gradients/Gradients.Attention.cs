using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TransformerEncoderLayer = ModelGen.Layers.TransformerEncoderLayer;

namespace ModelGen.Training
{
    /// <summary>
    /// What a self-attention layer's training forward keeps for its backward. Made by
    /// <see cref="Gradients.AttentionForward"/>.
    /// </summary>
    public sealed class AttentionTape
    {
        internal AttentionTape(IReadOnlyDictionary<string, Parameter> parameters, long heads)
        {
            InWeight = parameters["in_proj_weight"];
            InBias = parameters.TryGetValue("in_proj_bias", out Parameter? inBias) ? inBias : null;
            OutWeight = parameters["out_proj.weight"];
            OutBias = parameters.TryGetValue("out_proj.bias", out Parameter? outBias) ? outBias : null;
            Heads = heads;
        }

        internal Parameter InWeight { get; }

        internal Parameter? InBias { get; }

        internal Parameter OutWeight { get; }

        internal Parameter? OutBias { get; }

        internal long Heads { get; }

        /// <summary>1/√d, d = E / heads: libtorch scales the queries by it.</summary>
        internal double Scaling { get; set; }

        /// <summary>x, N×L×E.</summary>
        internal Tensor Input { get; set; } = null!;

        /// <summary>The scaled queries, the keys and the values, per head: N·h×L×d (libtorch's order, n·h + head).</summary>
        internal Tensor Q { get; set; } = null!;

        /// <inheritdoc cref="Q"/>
        internal Tensor K { get; set; } = null!;

        /// <inheritdoc cref="Q"/>
        internal Tensor V { get; set; } = null!;

        /// <summary>A = softmax(QKᵀ), N·h×L×L.</summary>
        internal Tensor Weights { get; set; } = null!;

        /// <summary>The dropout mask on A (1/(1 − p) or 0), or null without dropout.</summary>
        internal Tensor? Mask { get; set; }

        /// <summary>The heads' outputs concatenated, N×L×E: the output projection's input.</summary>
        internal Tensor Attended { get; set; } = null!;
    }

    /// <summary>
    /// What a transformer encoder layer's training forward keeps: its attention's tape, the dropout
    /// masks, the LayerNorms' x̂ and 1/σ, and the feed-forward block's tensors. Made by
    /// <see cref="Gradients.TransformerForward"/>.
    /// </summary>
    public sealed class TransformerTape
    {
        internal TransformerTape(TransformerEncoderLayer layer) => Layer = layer;

        internal TransformerEncoderLayer Layer { get; }

        internal AttentionTape Attention { get; set; } = null!;

        /// <summary>Dropout masks: after the attention (dropout1), inside the feed-forward block (dropout), after it (dropout2); null without dropout.</summary>
        internal Tensor? Mask1 { get; set; }

        /// <inheritdoc cref="Mask1"/>
        internal Tensor? MaskHidden { get; set; }

        /// <inheritdoc cref="Mask1"/>
        internal Tensor? Mask2 { get; set; }

        /// <summary>x̂ and 1/σ of norm1 and norm2.</summary>
        internal Tensor Normalized1 { get; set; } = null!;

        /// <inheritdoc cref="Normalized1"/>
        internal Tensor InverseStd1 { get; set; } = null!;

        /// <inheritdoc cref="Normalized1"/>
        internal Tensor Normalized2 { get; set; } = null!;

        /// <inheritdoc cref="Normalized1"/>
        internal Tensor InverseStd2 { get; set; } = null!;

        /// <summary>The feed-forward block's input (linear1's), its pre-activation h and the dropped activation (linear2's input).</summary>
        internal Tensor FeedInput { get; set; } = null!;

        /// <inheritdoc cref="FeedInput"/>
        internal Tensor Hidden { get; set; } = null!;

        /// <inheritdoc cref="FeedInput"/>
        internal Tensor Activated { get; set; } = null!;
    }

    public static partial class Gradients
    {
        /// <summary>
        /// Self-attention on a batch-first sequence as libtorch's <c>multi_head_attention_forward</c>
        /// computes it, keeping what <see cref="AttentionBackward"/> needs: [Q K V] = x·W_inᵀ + b_in,
        /// Q scaled by 1/√d, per head A = softmax(Q·Kᵀ) (times libtorch's dropout mask in training),
        /// O = A·V with the heads concatenated, y = O·W_outᵀ + b_out. The dropout mask is drawn where
        /// libtorch draws it, on a tensor of A's shape, so the same seed gives the same mask.
        /// </summary>
        /// <param name="attention">The <c>MultiheadAttention</c> module (in_proj_weight 3E×E, out_proj E×E, biases when it has them).</param>
        /// <param name="x">The input, N×L×E.</param>
        /// <param name="heads">The number of heads h (d = E / h).</param>
        /// <param name="dropout">The dropout probability on the attention weights.</param>
        /// <param name="training">Whether dropout is applied.</param>
        /// <param name="tape">What the backward needs.</param>
        /// <returns>y, N×L×E.</returns>
        public static Tensor AttentionForward(nn.Module attention, Tensor x, long heads, double dropout, bool training, out AttentionTape tape)
        {
            ArgumentNullException.ThrowIfNull(attention);
            ArgumentNullException.ThrowIfNull(x);
            tape = new AttentionTape(attention.named_parameters().ToDictionary(p => p.name, p => p.parameter), heads);
            long n = x.shape[0], length = x.shape[1], e = x.shape[2], d = e / heads;
            tape.Input = x;
            tape.Scaling = 1.0 / Math.Sqrt(d);
            Tensor[] qkv = Linear(x, tape.InWeight, tape.InBias).chunk(3, -1);
            tape.Q = SplitHeads(qkv[0].mul(tape.Scaling), heads);
            tape.K = SplitHeads(qkv[1], heads);
            tape.V = SplitHeads(qkv[2], heads);
            tape.Weights = torch.bmm(tape.Q, tape.K.transpose(1, 2)).softmax(-1);
            Tensor weights = tape.Weights;
            if (training && dropout > 0)
            {
                tape.Mask = DropoutMask(weights, dropout);
                weights = weights.mul(tape.Mask);
            }

            tape.Attended = MergeHeads(torch.bmm(weights, tape.V), n, length, e);

            // libtorch's output is sequence first (L×N×E) and the layer returns it transposed, so its
            // memory is in L, N, E order. The same layout here keeps a dropout that follows drawing its
            // mask in the same order (libtorch fills a mask in memory order).
            using Tensor output = Linear(tape.Attended, tape.OutWeight, tape.OutBias);
            return output.transpose(0, 1).contiguous().transpose(0, 1);
        }

        /// <summary>
        /// The backward of <see cref="AttentionForward"/>, writing the four parameters' gradients. With
        /// δ = ∂L/∂y and Ã = A ⊙ mask: ∂W_out = δᵀ·O, ∂b_out = Σ δ, δO = δ·W_out; per head
        /// ∂V = Ãᵀ·δO, ∂Ã = δO·Vᵀ, ∂A = ∂Ã ⊙ mask, ∂S = A ⊙ (∂A − rowsum(∂A ⊙ A)) (the softmax),
        /// ∂Q = ∂S·K (times 1/√d for the unscaled queries), ∂K = ∂Sᵀ·Q; then [∂Q ∂K ∂V] is the input
        /// projection's δ: ∂W_in = δᵀ·x, ∂b_in = Σ δ, ∂x = δ·W_in.
        /// </summary>
        /// <param name="tape">The forward's tape.</param>
        /// <param name="g">δ = ∂L/∂y, N×L×E.</param>
        /// <param name="inputGradient">Whether ∂L/∂x is needed.</param>
        /// <returns>∂L/∂x, or null when not asked for.</returns>
        public static Tensor? AttentionBackward(AttentionTape tape, Tensor g, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(tape);
            ArgumentNullException.ThrowIfNull(g);
            long n = g.shape[0], length = g.shape[1], e = g.shape[2];
            Tensor dAttended = LinearBackward(g, tape.Attended, tape.OutWeight, tape.OutBias, inputGradient: true)!;
            Tensor dO = SplitHeads(dAttended, tape.Heads);
            Tensor weights = tape.Mask is null ? tape.Weights : tape.Weights.mul(tape.Mask);
            Tensor dV = torch.bmm(weights.transpose(1, 2), dO);
            Tensor dA = torch.bmm(dO, tape.V.transpose(1, 2));
            if (tape.Mask is not null)
            {
                dA = dA.mul(tape.Mask);
            }

            Tensor dS = tape.Weights.mul(dA.sub(dA.mul(tape.Weights).sum(-1, keepdim: true)));
            Tensor dQ = torch.bmm(dS, tape.K).mul(tape.Scaling);
            Tensor dK = torch.bmm(dS.transpose(1, 2), tape.Q);
            Tensor dProjected = torch.cat(new[] { MergeHeads(dQ, n, length, e), MergeHeads(dK, n, length, e), MergeHeads(dV, n, length, e) }, -1);
            return LinearBackward(dProjected, tape.Input, tape.InWeight, tape.InBias, inputGradient);
        }

        /// <summary>
        /// The training forward of <see cref="TransformerEncoderLayer"/>, step by step as its forward runs
        /// (so that the four dropout masks are drawn in the same order from the same generator):
        /// post-norm x₁ = LN₁(x + SA(x)), y = LN₂(x₁ + FF(x₁)); pre-norm x₁ = x + SA(LN₁(x)),
        /// y = x₁ + FF(LN₂(x₁)); SA = dropout₁(attention), FF = dropout₂(W₂·dropout(act(W₁·x + b₁)) + b₂).
        /// </summary>
        /// <param name="layer">The layer.</param>
        /// <param name="x">The input, N×L×E.</param>
        /// <param name="training">Whether dropout is applied.</param>
        /// <param name="tape">What <see cref="TransformerBackward"/> needs.</param>
        /// <returns>y, N×L×E.</returns>
        public static Tensor TransformerForward(TransformerEncoderLayer layer, Tensor x, bool training, out TransformerTape tape)
        {
            ArgumentNullException.ThrowIfNull(layer);
            ArgumentNullException.ThrowIfNull(x);
            tape = new TransformerTape(layer);
            double p = training ? layer.DropoutProbability : 0;
            if (layer.NormFirst)
            {
                Tensor attended = SelfAttention(tape, Normalize(layer.norm1, x, out Tensor normalized1, out Tensor inverseStd1), p, training);
                tape.Normalized1 = normalized1;
                tape.InverseStd1 = inverseStd1;
                Tensor x1 = x.add(attended);
                Tensor fed = FeedForward(tape, Normalize(layer.norm2, x1, out Tensor normalized2, out Tensor inverseStd2), p);
                tape.Normalized2 = normalized2;
                tape.InverseStd2 = inverseStd2;
                return x1.add(fed);
            }

            Tensor sum1 = x.add(SelfAttention(tape, x, p, training));
            Tensor y1 = Normalize(layer.norm1, sum1, out Tensor n1, out Tensor s1);
            tape.Normalized1 = n1;
            tape.InverseStd1 = s1;
            Tensor sum2 = y1.add(FeedForward(tape, y1, p));
            Tensor y = Normalize(layer.norm2, sum2, out Tensor n2, out Tensor s2);
            tape.Normalized2 = n2;
            tape.InverseStd2 = s2;
            return y;
        }

        /// <summary>
        /// The backward of <see cref="TransformerForward"/>, writing every parameter's gradient. A
        /// residual sum sends δ both ways and the two input gradients add; each LayerNorm, Linear,
        /// dropout and the attention by its own rule (<see cref="LayerNormInput"/>,
        /// <see cref="AttentionBackward"/>); the activation by ReLU′ = 1[h &gt; 0] or GELU′.
        /// </summary>
        /// <param name="tape">The forward's tape.</param>
        /// <param name="g">δ = ∂L/∂y, N×L×E.</param>
        /// <param name="inputGradient">Whether ∂L/∂x is needed.</param>
        /// <returns>∂L/∂x, or null when not asked for.</returns>
        public static Tensor? TransformerBackward(TransformerTape tape, Tensor g, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(tape);
            ArgumentNullException.ThrowIfNull(g);
            TransformerEncoderLayer layer = tape.Layer;
            if (layer.NormFirst)
            {
                // y = x₁ + FF(LN₂(x₁)): δx₁ = δ + LN₂′(FF′(δ)); x₁ = x + SA(LN₁(x)): δx = δx₁ + LN₁′(SA′(δx₁)).
                Tensor dx1 = g.add(NormalizeBackward(layer.norm2, FeedForwardBackward(tape, g), tape.Normalized2, tape.InverseStd2));
                Tensor dNormalized1 = SelfAttentionBackward(tape, dx1, inputGradient: true)!;
                Tensor dFromAttention = NormalizeBackward(layer.norm1, dNormalized1, tape.Normalized1, tape.InverseStd1);
                return inputGradient ? dx1.add(dFromAttention) : null;
            }

            // y = LN₂(x₁ + FF(x₁)): δs₂ = LN₂′(δ), δx₁ = δs₂ + FF′(δs₂); x₁ = LN₁(x + SA(x)): δs₁ = LN₁′(δx₁), δx = δs₁ + SA′(δs₁).
            Tensor dSum2 = NormalizeBackward(layer.norm2, g, tape.Normalized2, tape.InverseStd2);
            Tensor dY1 = dSum2.add(FeedForwardBackward(tape, dSum2));
            Tensor dSum1 = NormalizeBackward(layer.norm1, dY1, tape.Normalized1, tape.InverseStd1);
            Tensor? dFromSelf = SelfAttentionBackward(tape, dSum1, inputGradient);
            return inputGradient ? dSum1.add(dFromSelf!) : null;
        }

        private static Tensor SelfAttention(TransformerTape tape, Tensor x, double p, bool training)
        {
            Tensor attended = AttentionForward(tape.Layer.self_attn, x, tape.Layer.Heads, tape.Layer.DropoutProbability, training, out AttentionTape attention);
            tape.Attention = attention;
            if (p > 0)
            {
                tape.Mask1 = DropoutMask(attended, p);
                attended = attended.mul(tape.Mask1);
            }

            return attended;
        }

        private static Tensor? SelfAttentionBackward(TransformerTape tape, Tensor g, bool inputGradient) =>
            AttentionBackward(tape.Attention, tape.Mask1 is null ? g : g.mul(tape.Mask1), inputGradient);

        private static Tensor FeedForward(TransformerTape tape, Tensor x, double p)
        {
            TransformerEncoderLayer layer = tape.Layer;
            tape.FeedInput = x;
            tape.Hidden = layer.linear1.forward(x);
            Tensor activated = layer.Activation == TransformerActivation.GELU ? nn.functional.gelu(tape.Hidden) : nn.functional.relu(tape.Hidden);
            if (p > 0)
            {
                tape.MaskHidden = DropoutMask(activated, p);
                activated = activated.mul(tape.MaskHidden);
            }

            tape.Activated = activated;
            Tensor fed = layer.linear2.forward(activated);
            if (p > 0)
            {
                tape.Mask2 = DropoutMask(fed, p);
                fed = fed.mul(tape.Mask2);
            }

            return fed;
        }

        /// <summary>∂L/∂(the feed-forward block's input) from δ at its output, writing linear1's and linear2's gradients.</summary>
        private static Tensor FeedForwardBackward(TransformerTape tape, Tensor g)
        {
            TransformerEncoderLayer layer = tape.Layer;
            Tensor dFed = tape.Mask2 is null ? g : g.mul(tape.Mask2);
            Tensor dActivated = LinearBackward(dFed, tape.Activated, layer.linear2.weight!, layer.linear2.bias, inputGradient: true)!;
            if (tape.MaskHidden is not null)
            {
                dActivated = dActivated.mul(tape.MaskHidden);
            }

            Tensor dHidden = layer.Activation == TransformerActivation.GELU
                ? dActivated.mul(GELUDerivative(tape.Hidden, tanh: false))
                : dActivated.mul(tape.Hidden.gt(0.0).to(tape.Hidden.dtype));
            return LinearBackward(dHidden, tape.FeedInput, layer.linear1.weight!, layer.linear1.bias, inputGradient: true)!;
        }

        private static Tensor Normalize(LayerNorm norm, Tensor x, out Tensor normalized, out Tensor inverseStd)
        {
            normalized = LayerNormNormalized(x, 1, norm.eps, out inverseStd);
            return norm.forward(x);
        }

        /// <summary>∂L/∂x of a LayerNorm over the last dimension, writing γ's and β's gradients (sums over samples and positions).</summary>
        private static Tensor NormalizeBackward(LayerNorm norm, Tensor g, Tensor normalized, Tensor inverseStd)
        {
            Set(norm.weight!, g.mul(normalized).sum(new long[] { 0, 1 }));
            if (norm.bias is Parameter bias)
            {
                Set(bias, g.sum(new long[] { 0, 1 }));
            }

            return LayerNormInput(g, normalized, inverseStd, norm.weight, 1);
        }

        /// <summary>x·Wᵀ + b over the last dimension.</summary>
        private static Tensor Linear(Tensor x, Tensor weight, Tensor? bias)
        {
            Tensor y = x.matmul(weight.t());
            return bias is null ? y : y.add(bias);
        }

        /// <summary>The Linear rule on rows (every position a row): ∂W = δᵀ·x, ∂b = Σ δ, returns δ·W when asked.</summary>
        private static Tensor? LinearBackward(Tensor g, Tensor x, Parameter weight, Parameter? bias, bool inputGradient)
        {
            Tensor rows = g.reshape(-1, g.shape[^1]);
            Set(weight, rows.t().mm(x.reshape(-1, x.shape[^1])));
            if (bias is not null)
            {
                Set(bias, rows.sum(0L));
            }

            return inputGradient ? g.matmul(weight) : null;
        }

        /// <summary>N×L×E → N·h×L×d, head-major within each sample, as libtorch lays the heads out.</summary>
        private static Tensor SplitHeads(Tensor x, long heads)
        {
            long n = x.shape[0], length = x.shape[1], e = x.shape[2];
            return x.reshape(n, length, heads, e / heads).transpose(1, 2).reshape(n * heads, length, e / heads);
        }

        /// <summary>N·h×L×d → N×L×E, the heads concatenated.</summary>
        private static Tensor MergeHeads(Tensor x, long n, long length, long e) =>
            x.reshape(n, -1, length, x.shape[2]).transpose(1, 2).reshape(n, length, e);
    }
}

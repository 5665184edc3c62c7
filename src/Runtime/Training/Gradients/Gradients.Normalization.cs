using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// x̂ of batch normalization, with 1/σ: in training the batch's statistics over every dimension
        /// but the channels (1), σ² biased as libtorch normalizes with it; in evaluation the running ones.
        /// </summary>
        /// <param name="x">The layer's input, N×C×….</param>
        /// <param name="runningMean">The running mean (C).</param>
        /// <param name="runningVar">The running variance (C).</param>
        /// <param name="eps">ε.</param>
        /// <param name="training">Whether batch statistics are used.</param>
        /// <param name="inverseStd">1/√(σ² + ε), broadcast over x.</param>
        /// <returns>x̂ = (x − μ)/√(σ² + ε).</returns>
        public static Tensor BatchNormNormalized(Tensor x, Tensor? runningMean, Tensor? runningVar, double eps, bool training, out Tensor inverseStd)
        {
            ArgumentNullException.ThrowIfNull(x);
            long[] dims = new long[] { 0 }.Concat(Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d)).ToArray();
            Tensor mean, variance;
            if (training || runningMean is null || runningVar is null)
            {
                // One pass for both statistics.
                (variance, mean) = torch.var_mean(x, dims, unbiased: false, keepdim: true);
            }
            else
            {
                long[] shape = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
                shape[1] = x.shape[1];
                mean = runningMean.reshape(shape);
                variance = runningVar.reshape(shape);
            }

            inverseStd = variance.add(eps).rsqrt_();
            Tensor normalized = x.sub(mean).mul_(inverseStd);
            mean.Dispose();
            variance.Dispose();
            return normalized;
        }

        /// <summary>
        /// The whole backward of batch normalization y = γ·x̂ + β, each per-channel sum taken once:
        /// with M values per channel, S₁ = Σ δ and S₂ = Σ δ⊙x̂, it writes ∂β = S₁ and ∂γ = S₂ and
        /// returns, in training, ∂x = γ/σ · (δ − S₁/M − x̂·S₂/M) as two fused multiply-adds
        /// (x̂·a + b, then + δ·γ/σ), or γ/σ · δ in evaluation (fixed statistics).
        /// </summary>
        /// <param name="g">δ = ∂L/∂y.</param>
        /// <param name="normalized">x̂.</param>
        /// <param name="inverseStd">1/σ, broadcast over x.</param>
        /// <param name="weight">γ (C), or null without an affine transform.</param>
        /// <param name="bias">β (C), or null without an affine transform.</param>
        /// <param name="training">Whether batch statistics were used.</param>
        /// <param name="inputGradient">Whether ∂x is needed.</param>
        /// <returns>∂L/∂x, or null when not asked.</returns>
        public static Tensor? BatchNorm(Tensor g, Tensor normalized, Tensor inverseStd, Parameter? weight, Parameter? bias, bool training, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(normalized);
            ArgumentNullException.ThrowIfNull(inverseStd);
            long[] dims = new long[] { 0 }.Concat(Enumerable.Range(2, (int)g.dim() - 2).Select(d => (long)d)).ToArray();
            long[] shape = ChannelShape(g);
            Tensor sumG = g.sum(dims);
            Tensor sumGx;
            using (Tensor product = g.mul(normalized))
            {
                sumGx = product.sum(dims);
            }

            if (weight is not null)
            {
                Set(weight, sumGx);
            }

            if (bias is not null)
            {
                Set(bias, sumG);
            }

            if (!inputGradient)
            {
                return null;
            }

            using Tensor scale = weight is null ? inverseStd.alias() : inverseStd.mul(weight.reshape(shape));
            if (!training)
            {
                return g.mul(scale);
            }

            double m = g.numel() / g.shape[1];
            using Tensor a = sumGx.reshape(shape).mul(scale).div_(-m);
            using Tensor b = sumG.reshape(shape).mul(scale).div_(-m);
            return torch.addcmul(b, normalized, a, 1).addcmul_(g, scale, 1);
        }

        /// <summary>
        /// Layer normalization over the last <paramref name="normalizedDims"/> dimensions: x̂ and 1/σ
        /// per sample (and position), σ² biased.
        /// </summary>
        /// <param name="x">The layer's input.</param>
        /// <param name="normalizedDims">How many trailing dimensions are normalized together.</param>
        /// <param name="eps">ε.</param>
        /// <param name="inverseStd">1/√(σ² + ε), broadcast over x.</param>
        /// <returns>x̂.</returns>
        public static Tensor LayerNormNormalized(Tensor x, int normalizedDims, double eps, out Tensor inverseStd)
        {
            ArgumentNullException.ThrowIfNull(x);
            long[] dims = Enumerable.Range((int)x.dim() - normalizedDims, normalizedDims).Select(d => (long)d).ToArray();
            using Tensor mean = x.mean(dims, keepdim: true);
            using Tensor variance = x.var(dims, unbiased: false, keepdim: true);
            inverseStd = variance.add(eps).rsqrt_();
            return x.sub(mean).mul_(inverseStd);
        }

        /// <summary>
        /// ∂L/∂x of layer normalization y = γ⊙x̂ + β, with δ̃ = δ⊙γ and means over the normalized
        /// dimensions: ∂x = (δ̃ − mean(δ̃) − x̂·mean(δ̃⊙x̂))/σ.
        /// </summary>
        /// <param name="g">δ.</param>
        /// <param name="normalized">x̂.</param>
        /// <param name="inverseStd">1/σ.</param>
        /// <param name="weight">γ, or null without an affine transform.</param>
        /// <param name="normalizedDims">How many trailing dimensions are normalized together.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor LayerNormInput(Tensor g, Tensor normalized, Tensor inverseStd, Tensor? weight, int normalizedDims)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(normalized);
            ArgumentNullException.ThrowIfNull(inverseStd);
            long[] dims = Enumerable.Range((int)g.dim() - normalizedDims, normalizedDims).Select(d => (long)d).ToArray();
            using Tensor scaled = weight is null ? g.alias() : g.mul(weight);
            using Tensor mean = scaled.mean(dims, keepdim: true);
            using Tensor meanX = scaled.mul(normalized).mean(dims, keepdim: true);
            return scaled.sub(mean).sub_(normalized.mul(meanX)).mul_(inverseStd);
        }

        /// <summary>
        /// Group normalization: each sample's channels split into <paramref name="groups"/> groups, each
        /// group normalized over its channels and positions (σ² biased): x̂, and 1/σ per sample and group.
        /// </summary>
        /// <param name="x">The layer's input, N×C×….</param>
        /// <param name="groups">The number of groups G (it divides C).</param>
        /// <param name="eps">ε.</param>
        /// <param name="inverseStd">1/√(σ² + ε), N×G×1.</param>
        /// <returns>x̂, of x's shape.</returns>
        public static Tensor GroupNormNormalized(Tensor x, long groups, double eps, out Tensor inverseStd)
        {
            ArgumentNullException.ThrowIfNull(x);
            using Tensor grouped = x.reshape(x.shape[0], groups, -1);
            using Tensor mean = grouped.mean(new long[] { 2 }, keepdim: true);
            using Tensor variance = grouped.var(new long[] { 2 }, unbiased: false, keepdim: true);
            inverseStd = variance.add(eps).rsqrt_();
            using Tensor normalized = grouped.sub(mean).mul_(inverseStd);
            return normalized.reshape(x.shape);
        }

        /// <summary>
        /// ∂L/∂x of group normalization y = γ_c·x̂ + β_c: with δ̃ = δ⊙γ and means over each group's
        /// channels and positions, ∂x = (δ̃ − mean(δ̃) − x̂·mean(δ̃⊙x̂))/σ.
        /// </summary>
        /// <param name="g">δ, N×C×….</param>
        /// <param name="normalized">x̂.</param>
        /// <param name="inverseStd">1/σ, N×G×1.</param>
        /// <param name="weight">γ (C), or null without an affine transform.</param>
        /// <param name="groups">The number of groups G.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor GroupNormInput(Tensor g, Tensor normalized, Tensor inverseStd, Tensor? weight, long groups)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(normalized);
            ArgumentNullException.ThrowIfNull(inverseStd);
            using Tensor scaled = weight is null ? g.alias() : g.mul(weight.reshape(ChannelShape(g)));
            using Tensor grouped = scaled.reshape(g.shape[0], groups, -1);
            using Tensor xhat = normalized.reshape(g.shape[0], groups, -1);
            using Tensor mean = grouped.mean(new long[] { 2 }, keepdim: true);
            using Tensor meanX = grouped.mul(xhat).mean(new long[] { 2 }, keepdim: true);
            using Tensor dx = grouped.sub(mean).sub_(xhat.mul(meanX)).mul_(inverseStd);
            return dx.reshape(g.shape);
        }

        /// <summary>
        /// Instance normalization, each channel of each sample over its positions: x̂ and 1/σ
        /// (N×C×1×1) from the sample's statistics (σ² biased) when <paramref name="inputStatistics"/>
        /// (training, or no running statistics), else from the running mean and variance (1×C×1×1).
        /// </summary>
        /// <param name="x">The layer's input, N×C×H×W.</param>
        /// <param name="runningMean">The running mean (C), or null when not tracked.</param>
        /// <param name="runningVar">The running variance (C), or null when not tracked.</param>
        /// <param name="eps">ε.</param>
        /// <param name="inputStatistics">Whether each instance's own statistics are used.</param>
        /// <param name="inverseStd">1/√(σ² + ε), broadcast over x.</param>
        /// <returns>x̂.</returns>
        public static Tensor InstanceNormNormalized(Tensor x, Tensor? runningMean, Tensor? runningVar, double eps, bool inputStatistics, out Tensor inverseStd)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (inputStatistics || runningMean is null || runningVar is null)
            {
                long[] dims = Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d).ToArray();
                using Tensor mean = x.mean(dims, keepdim: true);
                using Tensor variance = x.var(dims, unbiased: false, keepdim: true);
                inverseStd = variance.add(eps).rsqrt_();
                return x.sub(mean).mul_(inverseStd);
            }

            return BatchNormNormalized(x, runningMean, runningVar, eps, training: false, out inverseStd);
        }

        /// <summary>
        /// ∂L/∂x of instance normalization y = γ_c·x̂ + β_c. With each instance's statistics, δ̃ = δ⊙γ and
        /// means over the positions: ∂x = (δ̃ − mean(δ̃) − x̂·mean(δ̃⊙x̂))/σ; with the running ones
        /// (fixed): ∂x = γ/σ·δ.
        /// </summary>
        /// <param name="g">δ.</param>
        /// <param name="normalized">x̂.</param>
        /// <param name="inverseStd">1/σ, broadcast over x.</param>
        /// <param name="weight">γ (C), or null without an affine transform.</param>
        /// <param name="inputStatistics">Whether each instance's own statistics were used.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor InstanceNormInput(Tensor g, Tensor normalized, Tensor inverseStd, Tensor? weight, bool inputStatistics)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(normalized);
            ArgumentNullException.ThrowIfNull(inverseStd);
            if (!inputStatistics)
            {
                // Fixed statistics: ∂x = γ/σ·δ.
                return weight is null ? g.mul(inverseStd) : g.mul(inverseStd.mul(weight.reshape(ChannelShape(g))));
            }

            long[] dims = Enumerable.Range(2, (int)g.dim() - 2).Select(d => (long)d).ToArray();
            using Tensor scaled = weight is null ? g.alias() : g.mul(weight.reshape(ChannelShape(g)));
            using Tensor mean = scaled.mean(dims, keepdim: true);
            using Tensor meanX = scaled.mul(normalized).mean(dims, keepdim: true);
            return scaled.sub(mean).sub_(normalized.mul(meanX)).mul_(inverseStd);
        }

        /// <summary>1×C×1×…: a per-channel vector's shape broadcast over <paramref name="like"/>.</summary>
        private static long[] ChannelShape(Tensor like)
        {
            long[] shape = Enumerable.Repeat(1L, (int)like.dim()).ToArray();
            shape[1] = like.shape[1];
            return shape;
        }
    }
}

using System;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        private const double InverseSqrt2 = 0.70710678118654752440;
        private const double InverseSqrt2Pi = 0.39894228040143267794;
        private const double Sqrt2OverPi = 0.79788456080286535588;

        /// <summary>SiLU′(x) = σ(x)·(1 + x·(1 − σ(x))).</summary>
        /// <param name="x">The activation's input.</param>
        /// <returns>The derivative, element-wise.</returns>
        public static Tensor SiLUDerivative(Tensor x)
        {
            ArgumentNullException.ThrowIfNull(x);
            using Tensor s = x.sigmoid();
            using Tensor oneMinus = s.neg().add_(1.0);
            return x.mul(oneMinus).add_(1.0).mul_(s);
        }

        /// <summary>Mish′(x) = tanh(sp) + x·σ(x)·(1 − tanh²(sp)), sp = softplus(x).</summary>
        /// <param name="x">The activation's input.</param>
        /// <returns>The derivative, element-wise.</returns>
        public static Tensor MishDerivative(Tensor x)
        {
            ArgumentNullException.ThrowIfNull(x);
            using Tensor tsp = nn.functional.softplus(x).tanh_();
            using Tensor sech2 = tsp.square().neg_().add_(1.0);
            using Tensor s = x.sigmoid();
            return x.mul(s).mul_(sech2).add_(tsp);
        }

        /// <summary>
        /// GELU′(x): Φ(x) + x·φ(x) exactly, or with the tanh approximation u = tanh(√(2/π)(x + 0.044715x³)):
        /// ½(1 + u) + ½x(1 − u²)·√(2/π)(1 + 3·0.044715x²).
        /// </summary>
        /// <param name="x">The activation's input.</param>
        /// <param name="tanh">Whether the layer uses the tanh approximation.</param>
        /// <returns>The derivative, element-wise.</returns>
        public static Tensor GELUDerivative(Tensor x, bool tanh)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (!tanh)
            {
                using Tensor cdf = x.mul(InverseSqrt2).erf_().add_(1.0).mul_(0.5);
                using Tensor pdf = x.square().mul_(-0.5).exp_().mul_(InverseSqrt2Pi);
                return x.mul(pdf).add_(cdf);
            }

            using Tensor x2 = x.square();
            using Tensor inner = x2.mul(0.044715).add_(1.0).mul_(x).mul_(Sqrt2OverPi);
            using Tensor u = inner.tanh();
            using Tensor dinner = x2.mul(3 * 0.044715).add_(1.0).mul_(Sqrt2OverPi);
            using Tensor sech2 = u.square().neg_().add_(1.0);
            return x.mul(0.5).mul_(sech2).mul_(dinner).add_(u.add(1.0).mul_(0.5));
        }

        /// <summary>
        /// Maxout's backward: output j is the maximum of inputs j·k … j·k + k − 1 (amax over the
        /// pieces), so δⱼ goes to the winning piece, shared evenly among tied pieces as amax's
        /// gradient shares it: ∂x = δ ⊙ 1[x = y]/#{x = y}.
        /// </summary>
        /// <param name="x">The layer's input.</param>
        /// <param name="g">δ = ∂L/∂y.</param>
        /// <param name="y">The layer's output.</param>
        /// <param name="pieces">k.</param>
        /// <param name="dim">The pieced dimension (the batch is dimension 0).</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor Maxout(Tensor x, Tensor g, Tensor y, long pieces, long dim)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(y);
            long[] shape = x.shape;
            var pieced = new long[shape.Length + 1];
            Array.Copy(shape, pieced, dim);
            pieced[dim] = shape[dim] / pieces;
            pieced[dim + 1] = pieces;
            Array.Copy(shape, dim + 1, pieced, dim + 2, shape.Length - dim - 1);
            using Tensor grouped = x.reshape(pieced);
            using Tensor winners = grouped.eq(y.unsqueeze(dim + 1)).to(g.dtype);
            using Tensor count = winners.sum(new[] { dim + 1 }, keepdim: true);
            using Tensor share = g.unsqueeze(dim + 1).div(count);
            using Tensor spread = winners.mul(share);
            return spread.reshape(shape);
        }
    }
}

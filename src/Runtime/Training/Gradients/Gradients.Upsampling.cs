using System;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// Upsample's backward. Every mode is separable: along each spatial axis output o is a weighted
        /// sum of a few input positions (1 for nearest, 2 for linear, 4 for cubic: y = A·x with A sparse),
        /// so ∂x = Aᵀ·δ per axis, each tap's δ·w added to its input position (<c>index_add_</c>; copies and
        /// overlapping taps add up). TorchSharp 0.107 has no backward for the linear modes, hence the taps,
        /// computed as libtorch's CPU kernels compute their indices and weights (<see cref="InterpolationTaps"/>).
        /// </summary>
        /// <param name="g">δ = ∂L/∂y, N×C×(output sizes).</param>
        /// <param name="input">The layer's input (its sizes).</param>
        /// <param name="mode">The interpolation.</param>
        /// <param name="alignCorners">Whether the corners align (linear modes).</param>
        /// <param name="scaleFactor">The declared scale factor, or 0 when the size was declared.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor Upsample(Tensor g, Tensor input, TorchSharp.torch.UpsampleMode mode, bool alignCorners, double scaleFactor)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(input);
            Tensor result = g;
            for (int dim = 2; dim < g.dim(); dim++)
            {
                long inSize = input.shape[dim], outSize = g.shape[dim];
                (long[][] indices, double[][] weights) = InterpolationTaps(inSize, outSize, mode, alignCorners, scaleFactor);
                long[] shape = result.shape;
                shape[dim] = inSize;
                long[] along = Enumerable.Repeat(1L, (int)g.dim()).ToArray();
                along[dim] = outSize;
                Tensor folded = zeros(shape, dtype: g.dtype, device: g.device);
                for (int tap = 0; tap < indices.Length; tap++)
                {
                    using Tensor index = tensor(indices[tap], dtype: ScalarType.Int64, device: g.device);
                    using Tensor weight = tensor(weights[tap], dtype: ScalarType.Float64).to(g.dtype, g.device);
                    using Tensor weighted = result.mul(weight.reshape(along));
                    folded.index_add_(dim, index, weighted, 1.0);
                }

                result = folded;
            }

            return result;
        }

        /// <summary>
        /// The taps of one axis, as libtorch's CPU upsampling computes them: for tap k and output o the
        /// input position indices[k][o] and its weight weights[k][o]. Nearest: min(floor(o·s), in − 1)
        /// with s = 1/scale (or in/out) in single precision (o itself when out = in, o/2 when out = 2·in).
        /// Linear: the source x = s·(o + ½) − ½ (not below 0), or s·o with aligned corners
        /// (s = (in − 1)/(out − 1)), weights 1 − λ and λ on floor(x) and the next position (the identity
        /// when out = in). Cubic: the source unclamped, the four positions floor(x) − 1 … floor(x) + 2
        /// (clamped to the edges) weighted by Keys' cubic convolution with A = −0.75.
        /// </summary>
        /// <param name="input">The input size.</param>
        /// <param name="output">The output size.</param>
        /// <param name="mode">The interpolation (nearest, linear, bilinear, bicubic or trilinear).</param>
        /// <param name="alignCorners">Whether the corners align (linear modes).</param>
        /// <param name="scaleFactor">The declared scale factor, or 0 when the size was declared.</param>
        /// <returns>Per tap, the input position and the weight of every output position.</returns>
        public static (long[][] Indices, double[][] Weights) InterpolationTaps(long input, long output, TorchSharp.torch.UpsampleMode mode, bool alignCorners, double scaleFactor)
        {
            int taps = mode == TorchSharp.torch.UpsampleMode.Nearest ? 1 : mode == TorchSharp.torch.UpsampleMode.Bicubic ? 4 : 2;
            var indices = new long[taps][];
            var weights = new double[taps][];
            for (int tap = 0; tap < taps; tap++)
            {
                indices[tap] = new long[output];
                weights[tap] = new double[output];
            }

            if (taps == 1)
            {
                float scale = scaleFactor > 0 ? (float)(1.0 / scaleFactor) : (float)input / output;
                for (long o = 0; o < output; o++)
                {
                    indices[0][o] = output == input ? o : output == 2 * input ? o >> 1 : Math.Min((long)MathF.Floor(o * scale), input - 1);
                    weights[0][o] = 1;
                }

                return (indices, weights);
            }

            bool cubic = taps == 4;
            double ratio = alignCorners
                ? (output > 1 ? (double)(input - 1) / (output - 1) : 0)
                : scaleFactor > 0 ? 1.0 / scaleFactor : (double)input / output;
            for (long o = 0; o < output; o++)
            {
                if (!cubic && output == input)
                {
                    indices[0][o] = indices[1][o] = o;
                    weights[0][o] = 1;
                    continue;
                }

                double real = alignCorners ? ratio * o : (ratio * (o + 0.5)) - 0.5;
                if (!cubic && real < 0)
                {
                    real = 0;
                }

                long index = Math.Min((long)MathF.Floor((float)real), input - 1);
                double lambda = Math.Clamp(real - index, 0, 1);
                if (cubic)
                {
                    const double A = -0.75;
                    double[] coefficients = { CubicFar(lambda + 1, A), CubicNear(lambda, A), CubicNear(1 - lambda, A), CubicFar(2 - lambda, A) };
                    for (int k = 0; k < 4; k++)
                    {
                        indices[k][o] = Math.Clamp(index - 1 + k, 0, input - 1);
                        weights[k][o] = coefficients[k];
                    }
                }
                else
                {
                    indices[0][o] = index;
                    indices[1][o] = index + (index < input - 1 ? 1 : 0);
                    weights[0][o] = 1 - lambda;
                    weights[1][o] = lambda;
                }
            }

            return (indices, weights);
        }

        /// <summary>Keys' cubic convolution for |x| ≤ 1: ((A + 2)x − (A + 3))x² + 1.</summary>
        private static double CubicNear(double x, double a) => ((((a + 2) * x) - (a + 3)) * x * x) + 1;

        /// <summary>Keys' cubic convolution for 1 &lt; |x| &lt; 2: ((Ax − 5A)x + 8A)x − 4A.</summary>
        private static double CubicFar(double x, double a) => ((((a * x) - (5 * a)) * x) + (8 * a)) * x - (4 * a);
    }
}

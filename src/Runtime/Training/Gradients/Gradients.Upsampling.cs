using System;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// Upsample's backward. Every mode is separable: along each spatial axis the output is
        /// y = A·x with A (out×in) the one-dimensional interpolation matrix, so ∂x = Aᵀ·δ per axis.
        /// TorchSharp 0.107 has no backward for the linear modes, hence the matrices (built as libtorch's
        /// CPU kernels compute their indices and weights: see <see cref="InterpolationMatrix"/>).
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
                using Tensor matrix = InterpolationMatrix(inSize, outSize, mode, alignCorners, scaleFactor, g);
                using Tensor last = result.transpose(dim, -1);
                using Tensor folded = last.matmul(matrix);
                result = folded.transpose(-1, dim);
            }

            return result;
        }

        /// <summary>
        /// The interpolation matrix A (out×in) of one axis, as libtorch's CPU upsampling computes it.
        /// Nearest: row o picks min(floor(o·s), in − 1) with s = 1/scale (or in/out) in single precision
        /// (o itself when out = in, o/2 when out = 2·in). Linear: the source x = s·(o + ½) − ½ (not
        /// below 0), or s·o with aligned corners (s = (in − 1)/(out − 1)), weights 1 − λ and λ on
        /// floor(x) and the next position (the identity when out = in). Cubic: the source unclamped,
        /// the four positions floor(x) − 1 … floor(x) + 2 (clamped to the edges) weighted by Keys'
        /// cubic convolution with A = −0.75.
        /// </summary>
        /// <param name="input">The input size.</param>
        /// <param name="output">The output size.</param>
        /// <param name="mode">The interpolation (nearest, linear, bilinear, bicubic or trilinear).</param>
        /// <param name="alignCorners">Whether the corners align (linear modes).</param>
        /// <param name="scaleFactor">The declared scale factor, or 0 when the size was declared.</param>
        /// <param name="like">A tensor whose dtype and device the matrix takes.</param>
        /// <returns>A.</returns>
        public static Tensor InterpolationMatrix(long input, long output, TorchSharp.torch.UpsampleMode mode, bool alignCorners, double scaleFactor, Tensor like)
        {
            ArgumentNullException.ThrowIfNull(like);
            var values = new double[output * input];
            if (mode == TorchSharp.torch.UpsampleMode.Nearest)
            {
                float scale = scaleFactor > 0 ? (float)(1.0 / scaleFactor) : (float)input / output;
                for (long o = 0; o < output; o++)
                {
                    long source = output == input ? o : output == 2 * input ? o >> 1 : Math.Min((long)MathF.Floor(o * scale), input - 1);
                    values[(o * input) + source] = 1;
                }
            }
            else
            {
                bool cubic = mode == TorchSharp.torch.UpsampleMode.Bicubic;
                double ratio = alignCorners
                    ? (output > 1 ? (double)(input - 1) / (output - 1) : 0)
                    : scaleFactor > 0 ? 1.0 / scaleFactor : (double)input / output;
                for (long o = 0; o < output; o++)
                {
                    if (!cubic && output == input)
                    {
                        values[(o * input) + o] = 1;
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
                        double[] weights =
                        {
                            CubicFar(lambda + 1, A), CubicNear(lambda, A), CubicNear(1 - lambda, A), CubicFar(2 - lambda, A),
                        };
                        for (int k = 0; k < 4; k++)
                        {
                            long at = Math.Clamp(index - 1 + k, 0, input - 1);
                            values[(o * input) + at] += weights[k];
                        }
                    }
                    else
                    {
                        long next = index + (index < input - 1 ? 1 : 0);
                        values[(o * input) + index] += 1 - lambda;
                        values[(o * input) + next] += lambda;
                    }
                }
            }

            using Tensor matrix = tensor(values, new[] { output, input }, dtype: ScalarType.Float64);
            return matrix.to(like.dtype, like.device);
        }

        /// <summary>Keys' cubic convolution for |x| ≤ 1: ((A + 2)x − (A + 3))x² + 1.</summary>
        private static double CubicNear(double x, double a) => ((((a + 2) * x) - (a + 3)) * x * x) + 1;

        /// <summary>Keys' cubic convolution for 1 &lt; |x| &lt; 2: ((Ax − 5A)x + 8A)x − 4A.</summary>
        private static double CubicFar(double x, double a) => ((((a * x) - (5 * a)) * x) + (8 * a)) * x - (4 * a);
    }
}

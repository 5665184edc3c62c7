using System;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// Max pooling's backward: each δ goes to the input position that won its window (the flat
        /// indices of <c>max_pool*_with_indices</c>); overlapping windows add up (<c>scatter_add_</c>,
        /// since max_unpool overwrites and ignores the stride without padding).
        /// </summary>
        /// <param name="x">The pool's input, N×C×….</param>
        /// <param name="g">δ, N×C×(output positions).</param>
        /// <param name="indices">The forward's arg-max indices, flat over each channel's positions.</param>
        /// <returns>∂L/∂x, of x's shape.</returns>
        public static Tensor MaxPool(Tensor x, Tensor g, Tensor indices)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(indices);
            using Tensor flat = zeros(new[] { x.shape[0], x.shape[1], x.numel() / (x.shape[0] * x.shape[1]) }, dtype: g.dtype, device: g.device);
            using Tensor index = indices.flatten(2);
            using Tensor source = g.flatten(2);
            flat.scatter_add_(2, index, source);
            return flat.reshape(x.shape);
        }

        /// <summary>
        /// Average pooling's backward in 1-D, 2-D or 3-D: libtorch's <c>avg_pool2d_backward</c> and
        /// <c>avg_pool3d_backward</c> (their stride defaults to 1, so it is always passed); a 1-D pool is
        /// a 2-D pool of height 1.
        /// </summary>
        /// <param name="x">The pool's input.</param>
        /// <param name="g">δ.</param>
        /// <param name="kernel">The window per axis.</param>
        /// <param name="stride">The stride per axis.</param>
        /// <param name="padding">The padding per axis.</param>
        /// <param name="ceilMode">Whether the output size rounds up.</param>
        /// <param name="countIncludePad">Whether padding counts in the divisor.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor AvgPool(Tensor x, Tensor g, long[] kernel, long[] stride, long[] padding, bool ceilMode, bool countIncludePad)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(kernel);
            ArgumentNullException.ThrowIfNull(stride);
            ArgumentNullException.ThrowIfNull(padding);
            if (kernel.Length == 1)
            {
                using Tensor x2 = x.unsqueeze(2);
                using Tensor g2 = g.unsqueeze(2);
                using Tensor d2 = nn.functional.avg_pool2d_backward(g2, x2, new[] { 1L, kernel[0] }, new[] { 1L, stride[0] }, new[] { 0L, padding[0] }, ceilMode, countIncludePad);
                return d2.squeeze(2);
            }

            return kernel.Length == 2
                ? nn.functional.avg_pool2d_backward(g, x, kernel, stride, padding, ceilMode, countIncludePad)
                : nn.functional.avg_pool3d_backward(g, x, kernel, stride, padding, ceilMode, countIncludePad);
        }

        /// <summary>
        /// a = avg_pool(xᵖ), the mean of each window's p-th powers that LP pooling takes the root of
        /// (libtorch's lp_pool: no padding, the window counted whole), kept for the backward.
        /// </summary>
        /// <param name="x">The pool's input, N×C×L or N×C×H×W.</param>
        /// <param name="p">The norm's power.</param>
        /// <param name="kernel">The window per axis.</param>
        /// <param name="stride">The stride per axis.</param>
        /// <param name="ceilMode">Whether the output size rounds up.</param>
        /// <returns>a, of the pool's output shape.</returns>
        public static Tensor PowerAverage(Tensor x, double p, long[] kernel, long[] stride, bool ceilMode)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(kernel);
            ArgumentNullException.ThrowIfNull(stride);
            using Tensor powered = x.pow(p);
            return kernel.Length == 1
                ? nn.functional.avg_pool1d(powered, kernel[0], stride[0], 0, ceilMode, count_include_pad: true)
                : nn.functional.avg_pool2d(powered, kernel, stride, new long[kernel.Length], ceilMode, count_include_pad: true);
        }

        /// <summary>
        /// LP pooling's backward: y = (K·a)^(1/p) with a = avg_pool(xᵖ) and K the window's size, so
        /// ∂a = δ·y/(p·a) and ∂x = avg_pool_backward(∂a) ⊙ p·x^(p − 1) = avg_pool_backward(δ·y/a) ⊙ x^(p − 1).
        /// </summary>
        /// <param name="x">The pool's input.</param>
        /// <param name="g">δ = ∂L/∂y.</param>
        /// <param name="y">The pool's output.</param>
        /// <param name="average">a, from <see cref="PowerAverage"/>.</param>
        /// <param name="p">The norm's power.</param>
        /// <param name="kernel">The window per axis.</param>
        /// <param name="stride">The stride per axis.</param>
        /// <param name="ceilMode">Whether the output size rounds up.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor LPPool(Tensor x, Tensor g, Tensor y, Tensor average, double p, long[] kernel, long[] stride, bool ceilMode)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(y);
            ArgumentNullException.ThrowIfNull(average);
            using Tensor da = g.mul(y).div_(average);
            using Tensor spread = AvgPool(x, da, kernel, stride, new long[kernel.Length], ceilMode, countIncludePad: true);
            using Tensor power = x.pow(p - 1);
            return spread.mul(power);
        }

        /// <summary>
        /// The matrix A (out×in) of adaptive average pooling along one axis: row i averages the input
        /// positions [floor(i·in/out), ceil((i + 1)·in/out)). Pooling is y = A·x per axis, so ∂x = Aᵀ·δ.
        /// </summary>
        /// <param name="input">The input size along the axis.</param>
        /// <param name="output">The output size along the axis.</param>
        /// <param name="like">A tensor whose dtype and device the matrix takes.</param>
        /// <returns>A, out×in.</returns>
        public static Tensor AdaptiveAverageMatrix(long input, long output, Tensor like)
        {
            ArgumentNullException.ThrowIfNull(like);
            var values = new double[output * input];
            for (long i = 0; i < output; i++)
            {
                long start = i * input / output;
                long end = (((i + 1) * input) + output - 1) / output;
                for (long j = start; j < end; j++)
                {
                    values[(i * input) + j] = 1.0 / (end - start);
                }
            }

            using Tensor matrix = tensor(values, new[] { output, input }, dtype: ScalarType.Float64);
            return matrix.to(like.dtype, like.device);
        }
    }
}

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// 2-D max pooling computed in the channels-last layout (N×H×W×C in memory), where libtorch's CPU
    /// kernel takes the maximum of whole channel vectors at once instead of walking each channel's map
    /// with a branch per element. The values and the arg-max indices are exactly those of
    /// <c>max_pool2d</c> on the usual layout (the same first-maximum rule, indices flat over each
    /// channel's H×W positions); only the time differs. The input is copied into that layout and the
    /// output copied back, so callers see contiguous N×C×H×W tensors. A generated model calls it for a
    /// 2-D max pool of at least 8 channels (the MaxPool entry of the layer catalog decides).
    /// </summary>
    public static class ChannelsLastPooling
    {
        /// <summary><c>max_pool2d</c> of <paramref name="x"/> through the channels-last layout.</summary>
        /// <param name="x">N×C×H×W.</param>
        /// <param name="kernel">The window, per axis.</param>
        /// <param name="stride">The stride, per axis.</param>
        /// <param name="padding">The padding, per axis.</param>
        /// <param name="dilation">The dilation, per axis.</param>
        /// <param name="ceilMode">Whether the output size rounds up.</param>
        /// <returns>The pooled map, contiguous N×C×H'×W'.</returns>
        public static Tensor MaxPool2d(Tensor x, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode)
        {
            ArgumentNullException.ThrowIfNull(x);
            using Tensor last = ToChannelsLast(x);
            using Tensor pooled = nn.functional.max_pool2d(last, kernel, stride, padding, dilation, ceilMode);
            return pooled.contiguous();
        }

        /// <summary><c>max_pool2d_with_indices</c> of <paramref name="x"/> through the channels-last layout.</summary>
        /// <param name="x">N×C×H×W.</param>
        /// <param name="kernel">The window, per axis.</param>
        /// <param name="stride">The stride, per axis.</param>
        /// <param name="padding">The padding, per axis.</param>
        /// <param name="dilation">The dilation, per axis.</param>
        /// <param name="ceilMode">Whether the output size rounds up.</param>
        /// <returns>The pooled map and each window's arg-max (flat over the channel's H×W positions), both contiguous.</returns>
        public static (Tensor Values, Tensor Indices) MaxPool2dWithIndices(Tensor x, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode)
        {
            ArgumentNullException.ThrowIfNull(x);
            using Tensor last = ToChannelsLast(x);
            (Tensor values, Tensor indices) = nn.functional.max_pool2d_with_indices(last, kernel, stride, padding, dilation, ceilMode);
            using (values)
            using (indices)
            {
                return (values.contiguous(), indices.contiguous());
            }
        }

        // N×C×H×W with N×H×W×C memory: libtorch reads the layout from the strides.
        private static Tensor ToChannelsLast(Tensor x)
        {
            if (x.dim() != 4)
            {
                throw new ArgumentException($"Channels-last max pooling takes an N×C×H×W tensor, got {x.dim()} dimensions.", nameof(x));
            }

            using Tensor permuted = x.permute(0, 2, 3, 1);
            using Tensor packed = permuted.contiguous();
            return packed.permute(0, 3, 1, 2);
        }
    }
}

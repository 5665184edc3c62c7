using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// The gradients of a 1-D or 2-D convolution y = x ⋆ W (cross-correlation, PyTorch's):
        /// ∂W is the correlation of the input with δ (per group: the batch-transposed input convolved
        /// with the batch-transposed δ, stride and dilation swapped, cut to the kernel), and ∂x is δ
        /// convolved with W transposed (a transposed convolution whose output padding restores x's size).
        /// libtorch 0.107's TorchSharp has no convolution_backward, hence the two convolutions.
        /// </summary>
        /// <param name="x">The layer's input, N×C×….</param>
        /// <param name="g">δ = ∂L/∂y, N×O×….</param>
        /// <param name="weight">W, O×(C/groups)×k….</param>
        /// <param name="stride">S per axis.</param>
        /// <param name="padding">P per axis (zeros, both sides).</param>
        /// <param name="dilation">D per axis.</param>
        /// <param name="groups">Channel groups.</param>
        /// <param name="inputGradient">Whether ∂x is needed.</param>
        /// <returns>∂W, and ∂x (null when not asked).</returns>
        public static (Tensor Weight, Tensor? Input) Conv(Tensor x, Tensor g, Tensor weight, long[] stride, long[] padding, long[] dilation, long groups, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(weight);
            int rank = (int)x.dim() - 2;
            long[] kernel = weight.shape.Skip(2).ToArray();

            // ∂W[o, c, k] = Σₙ Σₚ δ[n, o, p]·x[n, c, p·S + k·D − P]: a convolution over the batch.
            var parts = new List<Tensor>();
            long inPerGroup = x.shape[1] / groups, outPerGroup = g.shape[1] / groups;
            for (long group = 0; group < groups; group++)
            {
                using Tensor xg = groups == 1 ? x.alias() : x.narrow(1, group * inPerGroup, inPerGroup);
                using Tensor gg = groups == 1 ? g.alias() : g.narrow(1, group * outPerGroup, outPerGroup);
                using Tensor xt = xg.transpose(0, 1);
                using Tensor gt = gg.transpose(0, 1);
                using Tensor full = rank == 1
                    ? nn.functional.conv1d(xt, gt, null, dilation[0], padding[0], stride[0], 1)
                    : nn.functional.conv2d(xt, gt, null, dilation, padding, stride, 1);
                Tensor cut = full;
                for (int axis = 0; axis < rank; axis++)
                {
                    cut = cut.narrow(axis + 2, 0, kernel[axis]);
                }

                parts.Add(cut.transpose(0, 1));
            }

            Tensor dW = groups == 1 ? parts[0].contiguous() : cat(parts, 0);
            if (!inputGradient)
            {
                return (dW, null);
            }

            // ∂x = δ ∗ W: the transposed convolution; output padding = what floor() dropped.
            var outputPadding = new long[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                long restored = ((g.shape[axis + 2] - 1) * stride[axis]) - (2 * padding[axis]) + (dilation[axis] * (kernel[axis] - 1)) + 1;
                outputPadding[axis] = x.shape[axis + 2] - restored;
            }

            Tensor dx = rank == 1
                ? nn.functional.conv_transpose1d(g, weight, null, stride[0], padding[0], outputPadding[0], dilation[0], groups)
                : nn.functional.conv_transpose2d(g, weight, null, stride, padding, outputPadding, dilation, groups);
            return (dW, dx);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public static partial class Gradients
    {
        /// <summary>
        /// The gradients of a 1-D, 2-D or 3-D convolution y = x ⋆ W (cross-correlation, PyTorch's):
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
            ArgumentNullException.ThrowIfNull(stride);
            ArgumentNullException.ThrowIfNull(padding);
            ArgumentNullException.ThrowIfNull(dilation);
            int rank = (int)x.dim() - 2;
            long[] kernel = weight.shape.Skip(2).ToArray();
            Tensor dW = CorrelateWeight(x, g, kernel, stride, padding, dilation, groups);
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

            Tensor dx = rank switch
            {
                1 => nn.functional.conv_transpose1d(g, weight, null, stride[0], padding[0], outputPadding[0], dilation[0], groups),
                2 => nn.functional.conv_transpose2d(g, weight, null, stride, padding, outputPadding, dilation, groups),
                _ => nn.functional.conv_transpose3d(g, weight, null, stride, padding, outputPadding, dilation, groups),
            };
            return (dW, dx);
        }

        /// <summary>
        /// The gradients of a transposed convolution y = x ∗ W (1-D, 2-D or 3-D): it is the adjoint of
        /// a convolution with the same weight, so ∂x is that convolution of δ (stride, padding,
        /// dilation and groups as declared, cut to x's size when the output padding added a position),
        /// and ∂W[c, o, k] = Σₙ Σᵢ x[n, c, i]·δ[n, o, i·S − P + k·D], the convolution's weight gradient
        /// with the roles of input and δ exchanged.
        /// </summary>
        /// <param name="x">The layer's input, N×C×….</param>
        /// <param name="g">δ = ∂L/∂y, N×O×….</param>
        /// <param name="weight">W, C×(O/groups)×k….</param>
        /// <param name="stride">S per axis.</param>
        /// <param name="padding">P per axis.</param>
        /// <param name="dilation">D per axis.</param>
        /// <param name="groups">Channel groups.</param>
        /// <param name="inputGradient">Whether ∂x is needed.</param>
        /// <returns>∂W, and ∂x (null when not asked).</returns>
        public static (Tensor Weight, Tensor? Input) ConvTranspose(Tensor x, Tensor g, Tensor weight, long[] stride, long[] padding, long[] dilation, long groups, bool inputGradient)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(weight);
            ArgumentNullException.ThrowIfNull(stride);
            ArgumentNullException.ThrowIfNull(padding);
            ArgumentNullException.ThrowIfNull(dilation);
            int rank = (int)x.dim() - 2;
            long[] kernel = weight.shape.Skip(2).ToArray();
            Tensor dW = CorrelateWeight(g, x, kernel, stride, padding, dilation, groups);
            if (!inputGradient)
            {
                return (dW, null);
            }

            Tensor dx = rank switch
            {
                1 => nn.functional.conv1d(g, weight, null, stride[0], padding[0], dilation[0], groups),
                2 => nn.functional.conv2d(g, weight, null, stride, padding, dilation, groups),
                _ => nn.functional.conv3d(g, weight, null, stride, padding, dilation, groups),
            };

            // An output padding of at least the stride (allowed below the dilation) gives the convolution of δ one more position per axis.
            for (int axis = 0; axis < rank; axis++)
            {
                if (dx.shape[axis + 2] != x.shape[axis + 2])
                {
                    dx = dx.narrow(axis + 2, 0, x.shape[axis + 2]);
                }
            }

            return (dW, dx);
        }

        /// <summary>
        /// x padded as a convolution with a padding mode pads it (PyTorch's <c>F.pad</c>), or as
        /// 'same' pads when the two sides differ: <paramref name="before"/> and <paramref name="after"/>
        /// per spatial axis, in axis order.
        /// </summary>
        /// <param name="x">The layer's input, N×C×….</param>
        /// <param name="before">Padding at the start of each spatial axis.</param>
        /// <param name="after">Padding at the end of each spatial axis.</param>
        /// <param name="mode">Zeros (constant), reflect, replicate or circular.</param>
        /// <returns>The padded input.</returns>
        public static Tensor Pad(Tensor x, long[] before, long[] after, TorchSharp.PaddingModes mode)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(before);
            ArgumentNullException.ThrowIfNull(after);
            // F.pad takes the last axis first.
            var pad = new long[2 * before.Length];
            for (int axis = 0; axis < before.Length; axis++)
            {
                pad[2 * (before.Length - 1 - axis)] = before[axis];
                pad[(2 * (before.Length - 1 - axis)) + 1] = after[axis];
            }

            return nn.functional.pad(x, pad, mode == TorchSharp.PaddingModes.Zeros ? TorchSharp.PaddingModes.Constant : mode);
        }

        /// <summary>
        /// The adjoint of <see cref="Pad"/>: δ of the padded input folded back onto the input. Zero
        /// padding drops the border; reflect, replicate and circular padding copy input positions into
        /// the border, so each border position's δ adds to the position it copied (per axis: index_add).
        /// </summary>
        /// <param name="g">δ of the padded input.</param>
        /// <param name="before">Padding at the start of each spatial axis.</param>
        /// <param name="after">Padding at the end of each spatial axis.</param>
        /// <param name="mode">The padding mode of the forward.</param>
        /// <returns>∂L/∂x.</returns>
        public static Tensor Unpad(Tensor g, long[] before, long[] after, TorchSharp.PaddingModes mode)
        {
            ArgumentNullException.ThrowIfNull(g);
            ArgumentNullException.ThrowIfNull(before);
            ArgumentNullException.ThrowIfNull(after);
            int first = (int)g.dim() - before.Length;
            Tensor result = g;
            for (int axis = 0; axis < before.Length; axis++)
            {
                int dim = first + axis;
                long padded = result.shape[dim], size = padded - before[axis] - after[axis];
                if (before[axis] == 0 && after[axis] == 0)
                {
                    continue;
                }

                if (mode is TorchSharp.PaddingModes.Zeros or TorchSharp.PaddingModes.Constant)
                {
                    result = result.narrow(dim, before[axis], size);
                    continue;
                }

                var source = new long[padded];
                for (long i = 0; i < padded; i++)
                {
                    long j = i - before[axis];
                    source[i] = mode switch
                    {
                        TorchSharp.PaddingModes.Reflect => j < 0 ? -j : j >= size ? (2 * (size - 1)) - j : j,
                        TorchSharp.PaddingModes.Replicate => Math.Clamp(j, 0, size - 1),
                        _ => ((j % size) + size) % size,
                    };
                }

                long[] shape = result.shape;
                shape[dim] = size;
                using Tensor index = tensor(source, dtype: ScalarType.Int64, device: g.device);
                result = zeros(shape, dtype: g.dtype, device: g.device).index_add_(dim, index, result, 1.0);
            }

            return result;
        }

        /// <summary>
        /// ∂W of a convolution over <paramref name="x"/> with output gradient <paramref name="g"/>:
        /// ∂W[o, c, k] = Σₙ Σₚ δ[n, o, p]·x[n, c, p·S + k·D − P], per group a convolution over the batch
        /// (input and δ batch-transposed, stride and dilation swapped), cut to the kernel.
        /// </summary>
        private static Tensor CorrelateWeight(Tensor x, Tensor g, long[] kernel, long[] stride, long[] padding, long[] dilation, long groups)
        {
            int rank = (int)x.dim() - 2;
            var parts = new List<Tensor>();
            long inPerGroup = x.shape[1] / groups, outPerGroup = g.shape[1] / groups;
            for (long group = 0; group < groups; group++)
            {
                using Tensor xg = groups == 1 ? x.alias() : x.narrow(1, group * inPerGroup, inPerGroup);
                using Tensor gg = groups == 1 ? g.alias() : g.narrow(1, group * outPerGroup, outPerGroup);
                using Tensor xt = xg.transpose(0, 1);
                using Tensor gt = gg.transpose(0, 1);
                using Tensor full = rank switch
                {
                    1 => nn.functional.conv1d(xt, gt, null, dilation[0], padding[0], stride[0], 1),
                    2 => nn.functional.conv2d(xt, gt, null, dilation, padding, stride, 1),
                    _ => nn.functional.conv3d(xt, gt, null, dilation, padding, stride, 1),
                };
                Tensor cut = full;
                for (int axis = 0; axis < rank; axis++)
                {
                    cut = cut.narrow(axis + 2, 0, kernel[axis]);
                }

                parts.Add(cut.transpose(0, 1));
            }

            return groups == 1 ? parts[0].contiguous() : cat(parts, 0);
        }
    }
}

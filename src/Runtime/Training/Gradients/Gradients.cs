using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// The mechanics a generated <c>Backward</c> calls: writing a parameter's gradient so that
    /// optimizers, clipping and the gradient checks see it as if autograd had written it, and the
    /// few rules whose code is longer than their formula (convolution, pooling, recurrent layers).
    /// </summary>
    public static partial class Gradients
    {
        /// <summary>
        /// Makes <paramref name="value"/> <paramref name="parameter"/>'s <c>.grad</c>, as autograd leaves it.
        /// When the parameter lives in a <see cref="FlatParameters"/> layout the value is copied into its
        /// slice of the gradient buffer; otherwise the tensor is assigned (libtorch keeps its own reference, so it outlives the step's dispose
        /// scope), not copied into the previous gradient; TorchSharp's optimizers, clipping and the
        /// gradient checks read <c>.grad</c> afresh at every step. A gradient of another shape (a rule
        /// that computes it flat) is reshaped to the parameter's.
        /// </summary>
        /// <param name="parameter">The parameter.</param>
        /// <param name="value">∂L/∂parameter, of the parameter's shape (or its number of elements).</param>
        public static void Set(Parameter parameter, Tensor value)
        {
            ArgumentNullException.ThrowIfNull(parameter);
            ArgumentNullException.ThrowIfNull(value);
            if (value.requires_grad)
            {
                value = value.detach();
            }

            if (value.dim() != parameter.dim())
            {
                value = value.reshape(parameter.shape);
            }

            if (t_accumulating > 0 && parameter.grad is Tensor written)
            {
                value = written.add(value);
            }

            if (FlatParameters.TryGetGradient(parameter, out Tensor slice))
            {
                // The model's gradients live in one flat buffer: write into the parameter's slice.
                slice.copy_(value);
                parameter.grad = slice;
                return;
            }

            parameter.grad = value;
        }

        [ThreadStatic]
        private static int t_accumulating;

        /// <summary>
        /// Until the returned scope is disposed, <see cref="Set"/> on this thread adds to the gradient a
        /// parameter already has instead of replacing it. A generated <c>Backward</c> opens it around the
        /// step of a layer whose weights a later step (<c>[Reuse]</c>) used too and whose gradients the
        /// backward, walking in reverse, has already written: the shared weight's gradient is the sum
        /// of its uses', as autograd accumulates it.
        /// </summary>
        /// <returns>The scope; dispose it to go back to replacing.</returns>
        public static AccumulationScope Accumulate()
        {
            t_accumulating++;
            return default;
        }

        /// <summary>The scope of <see cref="Accumulate"/>.</summary>
        public readonly struct AccumulationScope : IDisposable
        {
            /// <summary>Ends the scope.</summary>
            public void Dispose() => t_accumulating = Math.Max(0, t_accumulating - 1);
        }

        /// <summary>
        /// Makes the matrix product <paramref name="left"/>·<paramref name="right"/> <paramref name="parameter"/>'s
        /// <c>.grad</c> (a linear layer's ∂W = δᵀ·x): computed straight into the parameter's slice of a
        /// <see cref="FlatParameters"/> buffer by one addmm with β = 0 (which ignores the slice's previous
        /// contents, NaN included; β = 1 inside <see cref="Accumulate"/>), or as a new tensor by <see cref="Set"/>.
        /// </summary>
        /// <param name="parameter">A two-dimensional parameter.</param>
        /// <param name="left">The left factor, rows × inner.</param>
        /// <param name="right">The right factor, inner × columns.</param>
        public static void SetProduct(Parameter parameter, Tensor left, Tensor right)
        {
            ArgumentNullException.ThrowIfNull(parameter);
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            if (FlatParameters.TryGetGradient(parameter, out Tensor slice) && slice.dim() == 2)
            {
                // Inside Accumulate() the product adds to the gradient of an earlier use (β = 1).
                slice.addmm_(left, right, beta: t_accumulating > 0 ? 1 : 0, alpha: 1);
                parameter.grad = slice;
                return;
            }

            Set(parameter, left.mm(right));
        }

        /// <summary>
        /// Makes the sums of <paramref name="rows"/>' rows (rows·1) <paramref name="parameter"/>'s
        /// <c>.grad</c> (a linear layer's ∂b = Σₙ δ from the δᵀ its ∂W used): one addmv with a cached
        /// vector of ones straight into the parameter's slice of a <see cref="FlatParameters"/> buffer
        /// (β = 1 inside <see cref="Accumulate"/>), or as a new tensor by <see cref="Set"/>.
        /// </summary>
        /// <param name="parameter">A one-dimensional parameter of <paramref name="rows"/>' row count.</param>
        /// <param name="rows">The matrix whose rows are summed: δᵀ, outputs × samples.</param>
        public static void SetRowSums(Parameter parameter, Tensor rows)
        {
            ArgumentNullException.ThrowIfNull(parameter);
            ArgumentNullException.ThrowIfNull(rows);
            if (FlatParameters.TryGetGradient(parameter, out Tensor slice) && slice.dim() == 1)
            {
                slice.addmv_(rows, ConstantVectors.Filled(1.0, rows.shape[1], rows), beta: t_accumulating > 0 ? 1 : 0, alpha: 1);
                parameter.grad = slice;
                return;
            }

            Set(parameter, rows.sum(1L));
        }

        /// <summary>
        /// The inverted-dropout mask libtorch's CPU dropout draws (the same random numbers for the same
        /// seed): Bernoulli(1 − p) scaled by 1/(1 − p), of <paramref name="x"/>'s shape.
        /// </summary>
        /// <param name="x">The dropout's input.</param>
        /// <param name="p">The drop probability.</param>
        /// <returns>The mask m; the dropout's output is x ⊙ m.</returns>
        public static Tensor DropoutMask(Tensor x, double p)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (p >= 1)
            {
                return torch.zeros_like(x);
            }

            return torch.empty_like(x).bernoulli_(1 - p).div_(1 - p);
        }

        /// <summary>The channel-wise mask of Dropout2d (libtorch's feature dropout): one draw per sample and channel, N×C×1×1.</summary>
        /// <param name="x">The dropout's input, N×C×….</param>
        /// <param name="p">The drop probability.</param>
        /// <returns>The mask, broadcast over the positions.</returns>
        public static Tensor FeatureDropoutMask(Tensor x, double p)
        {
            ArgumentNullException.ThrowIfNull(x);
            var shape = new long[x.dim()];
            Array.Fill(shape, 1L);
            shape[0] = x.shape[0];
            shape[1] = x.shape[1];
            if (p >= 1)
            {
                return torch.zeros(shape, dtype: x.dtype, device: x.device);
            }

            return torch.empty(shape, dtype: x.dtype, device: x.device).bernoulli_(1 - p).div_(1 - p);
        }

        /// <summary>
        /// Alpha dropout as libtorch's CPU kernel draws it (the same random numbers for the same seed):
        /// m ~ Bernoulli(1 − p) of x's shape, a = 1/√((α²p + 1)(1 − p)) with α = 1.7580993408473766
        /// (SELU's −λα, the value dropped elements take), b = (m − 1)·α·a + α·a·p, and y = x⊙(a·m) + b.
        /// </summary>
        /// <param name="x">The dropout's input.</param>
        /// <param name="p">The drop probability, in (0, 1).</param>
        /// <param name="scale">a·m, the factor of x (and of δ in the backward).</param>
        /// <returns>y.</returns>
        public static Tensor AlphaDropout(Tensor x, double p, out Tensor scale)
        {
            ArgumentNullException.ThrowIfNull(x);
            const double Alpha = 1.7580993408473766;
            double a = 1.0 / Math.Sqrt(((Alpha * Alpha * p) + 1) * (1 - p));
            scale = torch.empty(x.shape, dtype: x.dtype, device: x.device).bernoulli_(1 - p);
            using Tensor shift = scale.add(-1.0).mul_(Alpha * a).add_(Alpha * a * p);
            scale.mul_(a);
            return x.mul(scale).add_(shift);
        }
    }
}

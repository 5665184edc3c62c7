using System;
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
        /// Makes <paramref name="value"/> <paramref name="parameter"/>'s <c>.grad</c>, as autograd leaves it:
        /// the tensor is assigned (libtorch keeps its own reference, so it outlives the step's dispose
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
    }
}

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>Checks that generated training steps call between backward and the optimizer's update.</summary>
    public static class StepGuard
    {
        /// <summary>
        /// Throws <see cref="NonFiniteLossException"/> when the loss or any gradient is NaN or
        /// infinite, before the optimizer step, so that nothing of the step reaches the weights.
        /// </summary>
        /// <param name="model">The model, its gradients computed.</param>
        /// <param name="name">The model's name.</param>
        /// <param name="step">The model's training-step count, from 1.</param>
        /// <param name="loss">The step's loss.</param>
        public static void ThrowIfNonFinite(nn.Module model, string name, long step, float loss)
        {
            ArgumentNullException.ThrowIfNull(model);
            bool finite = float.IsFinite(loss) && GradientsFinite(model);
            if (!finite)
            {
                throw new NonFiniteLossException(name, 0, (int)Math.Min(step, int.MaxValue), step, loss, ParameterStatistics.Collect(model));
            }
        }

        /// <summary>
        /// <see cref="ThrowIfNonFinite(nn.Module, string, long, float)"/> for a model whose gradients live in
        /// a flat buffer: one reduction over the buffer instead of one per tensor.
        /// </summary>
        /// <param name="model">The model, its gradients computed.</param>
        /// <param name="name">The model's name.</param>
        /// <param name="step">The model's training-step count, from 1.</param>
        /// <param name="loss">The step's loss.</param>
        /// <param name="flat">The model's flat layout, or null (then every gradient is checked as a tensor).</param>
        public static void ThrowIfNonFinite(nn.Module model, string name, long step, float loss, FlatParameters? flat)
        {
            if (flat is null)
            {
                ThrowIfNonFinite(model, name, step, loss);
                return;
            }

            ArgumentNullException.ThrowIfNull(model);
            if (!float.IsFinite(loss) || !flat.GradientsFinite())
            {
                throw new NonFiniteLossException(name, 0, (int)Math.Min(step, int.MaxValue), step, loss, ParameterStatistics.Collect(model));
            }
        }

        /// <summary>
        /// Whether every gradient is finite, with one host synchronization: a NaN or an infinity in any
        /// gradient makes the sum of the per-tensor sums non-finite. A non-finite total can also come
        /// from finite gradients whose sum overflows; only then is each tensor checked on its own.
        /// </summary>
        private static bool GradientsFinite(nn.Module model)
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var sums = new System.Collections.Generic.List<Tensor>();
            foreach (TorchSharp.Modules.Parameter parameter in model.parameters())
            {
                Tensor? gradient = parameter.grad;
                if (gradient is not null)
                {
                    sums.Add(gradient.sum(ScalarType.Float64));
                }
            }

            if (sums.Count == 0 || torch.stack(sums).sum().isfinite().item<bool>())
            {
                return true;
            }

            foreach (TorchSharp.Modules.Parameter parameter in model.parameters())
            {
                Tensor? gradient = parameter.grad;
                if (gradient is not null && !gradient.isfinite().all().item<bool>())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Throws <see cref="ObjectDisposedException"/> naming the model when <paramref name="disposed"/> is set.</summary>
        /// <param name="disposed">Whether the model has been disposed.</param>
        /// <param name="name">The model's name.</param>
        public static void ThrowIfDisposed(bool disposed, string name) => ModelGuard.ThrowIfDisposed(disposed, name);

        /// <summary>Throws <see cref="ObjectDisposedException"/> naming the model when it has been disposed.</summary>
        /// <param name="model">The model.</param>
        public static void ThrowIfDisposed(ITrainableModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            ThrowIfDisposed(model.IsDisposed, model.ModelName);
        }
    }
}

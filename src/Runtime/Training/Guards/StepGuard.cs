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
            bool finite = float.IsFinite(loss);
            if (finite)
            {
                using var noGrad = torch.no_grad();
                using var scope = torch.NewDisposeScope();
                foreach (TorchSharp.Modules.Parameter parameter in model.parameters())
                {
                    Tensor? gradient = parameter.grad;
                    if (gradient is not null && !gradient.isfinite().all().item<bool>())
                    {
                        finite = false;
                        break;
                    }
                }
            }

            if (!finite)
            {
                throw new NonFiniteLossException(name, 0, (int)Math.Min(step, int.MaxValue), step, loss, ParameterStatistics.Collect(model));
            }
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

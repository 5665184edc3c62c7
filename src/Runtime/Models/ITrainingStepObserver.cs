using TorchSharp;

namespace ModelGen
{
    /// <summary>
    /// Sees each training step between the loss and the update, so that a training loop can check
    /// the loss and count right predictions without running a step of its own.
    /// </summary>
    public interface ITrainingStepObserver
    {
        /// <summary>
        /// Called after the forward pass and the loss, before backward and the optimizer step.
        /// Throwing here aborts the step before any parameter changes. Tensors made here belong
        /// to the step's dispose scope.
        /// </summary>
        /// <param name="output">The batch's output.</param>
        /// <param name="target">The batch's targets.</param>
        /// <param name="loss">The batch's mean loss.</param>
        void BeforeUpdate(torch.Tensor output, torch.Tensor target, float loss);
    }
}

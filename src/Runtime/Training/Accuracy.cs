using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>Counts right predictions the way the declared loss defines them.</summary>
    internal static class Accuracy
    {
        /// <summary>Whether the loss has a notion of a right prediction (a regression loss has none).</summary>
        public static bool IsDefined(LossKind kind) => kind is LossKind.CrossEntropy or LossKind.BCEWithLogits;

        /// <summary>
        /// Right predictions and predictions made: for cross-entropy the argmax over dimension 1
        /// against the class index (or the argmax of class probabilities); for BCE with logits
        /// each logit's sign against its 0/1 target.
        /// </summary>
        /// <remarks>Allocates in the caller's dispose scope.</remarks>
        public static (long Correct, long Total) Count(LossKind kind, Tensor output, Tensor target)
        {
            switch (kind)
            {
                case LossKind.CrossEntropy:
                    Tensor predicted = output.argmax(1);
                    Tensor truth = target.is_floating_point() && target.dim() == output.dim() ? target.argmax(1) : target;
                    return (predicted.eq(truth).sum().item<long>(), predicted.numel());
                case LossKind.BCEWithLogits:
                    return (output.gt(0).eq(target.gt(0.5)).sum().item<long>(), output.numel());
                default:
                    return (0, 0);
            }
        }
    }
}

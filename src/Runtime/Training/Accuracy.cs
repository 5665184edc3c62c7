using System;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>Counts right predictions the way the declared loss defines them.</summary>
    internal static class Accuracy
    {
        /// <summary>Whether the loss has a notion of a right prediction (a regression loss has none).</summary>
        public static bool IsDefined(LossKind kind) => kind is LossKind.CrossEntropy or LossKind.NLL or LossKind.BCEWithLogits or LossKind.BCE;

        /// <summary>Whether top-k accuracy applies (one score per class).</summary>
        public static bool HasClasses(LossKind kind) => kind is LossKind.CrossEntropy or LossKind.NLL;

        /// <summary>
        /// Right predictions and predictions made: for cross-entropy and NLL the argmax over
        /// dimension 1 against the class index (or the argmax of class probabilities); for BCE with
        /// logits each logit's sign, for BCE each probability against ½, compared with the 0/1 target.
        /// </summary>
        /// <remarks>Allocates in the caller's dispose scope.</remarks>
        public static (long Correct, long Total) Count(LossKind kind, Tensor output, Tensor target)
        {
            switch (kind)
            {
                case LossKind.CrossEntropy:
                case LossKind.NLL:
                    Tensor predicted = output.argmax(1);
                    return (predicted.eq(Labels(output, target)).sum().item<long>(), predicted.numel());
                case LossKind.BCEWithLogits:
                    return (output.gt(0).eq(target.gt(0.5)).sum().item<long>(), output.numel());
                case LossKind.BCE:
                    return (output.gt(0.5).eq(target.gt(0.5)).sum().item<long>(), output.numel());
                default:
                    return (0, 0);
            }
        }

        /// <summary>Samples whose true class is among the <paramref name="k"/> highest scores.</summary>
        /// <remarks>Allocates in the caller's dispose scope.</remarks>
        public static long CountTopK(Tensor output, Tensor target, int k)
        {
            int kk = (int)Math.Min(k, output.shape[1]);
            Tensor top = output.topk(kk, dim: 1).indexes;
            return top.eq(Labels(output, target).unsqueeze(1)).any(1).sum().item<long>();
        }

        private static Tensor Labels(Tensor output, Tensor target) =>
            target.is_floating_point() && target.dim() == output.dim() ? target.argmax(1) : target;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// The loss a model declares with <see cref="LossAttribute"/>: the function, its reduction,
    /// label smoothing, class weights, and the L1/L2 penalty terms. Generated models hold one as
    /// <c>LossFunction</c>; <see cref="CheckBatch"/> checks a batch's targets before the loss sees them.
    /// </summary>
    public sealed partial class LossFunction
    {
        /// <summary>Creates the loss.</summary>
        /// <param name="kind">The loss function.</param>
        public LossFunction(LossKind kind) => Kind = kind;

        /// <summary>The loss function.</summary>
        public LossKind Kind { get; }

        /// <summary>Mean (default) or sum over the batch.</summary>
        public LossReduction Reduction { get; init; }

        /// <summary>Cross-entropy label smoothing ε: targets (1 − ε)·onehot + ε/K.</summary>
        public double LabelSmoothing { get; init; }

        /// <summary>Huber's δ (default 1).</summary>
        public double HuberDelta { get; init; } = 1;

        /// <summary>Per-class weights (cross-entropy, NLL); null for none.</summary>
        public IReadOnlyList<double>? ClassWeights { get; init; }

        /// <summary>The L2 penalty λ: loss + λ/(2m)·Σw² over weight tensors of two or more dimensions.</summary>
        public double L2 { get; init; }

        /// <summary>The L1 penalty λ: loss + λ/m·Σ|w| over weight tensors of two or more dimensions.</summary>
        public double L1 { get; init; }

        /// <summary>Whether the targets are class indices (cross-entropy, NLL).</summary>
        public bool TakesClassIndices => Kind is LossKind.CrossEntropy or LossKind.NLL;

        /// <summary>Whether an L1 or L2 penalty is declared.</summary>
        public bool HasPenalty => L1 > 0 || L2 > 0;

        /// <summary>The loss of <paramref name="output"/> against <paramref name="target"/>.</summary>
        /// <param name="output">The model's output, N×….</param>
        /// <param name="target">The targets (see <see cref="LossKind"/>).</param>
        /// <returns>A scalar tensor.</returns>
        public Tensor forward(Tensor output, Tensor target)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(target);
            nn.Reduction reduction = Reduction == LossReduction.Sum ? nn.Reduction.Sum : nn.Reduction.Mean;
            switch (Kind)
            {
                case LossKind.MSE:
                    return nn.functional.mse_loss(output, target, reduction);
                case LossKind.MAE:
                    return nn.functional.l1_loss(output, target, reduction);
                case LossKind.Huber:
                    return nn.functional.huber_loss(output, target, HuberDelta, reduction);
                case LossKind.BCE:
                    return nn.functional.binary_cross_entropy(output, target, reduction: reduction);
                case LossKind.BCEWithLogits:
                    return nn.functional.binary_cross_entropy_with_logits(output, target, reduction: reduction);
                case LossKind.CrossEntropy:
                    using (Tensor? weights = Weights(output))
                    {
                        return nn.functional.cross_entropy(output, target, weights, reduction: reduction, label_smoothing: LabelSmoothing);
                    }

                case LossKind.NLL:
                    using (Tensor? weights = Weights(output))
                    {
                        return nn.functional.nll_loss(output, target, weights, reduction);
                    }

                case LossKind.KLDivergence:
                    // PyTorch's 'batchmean': the sum divided by the batch size, the true mean KL.
                    Tensor sum = nn.functional.kl_div(output, target, log_target: false, reduction: nn.Reduction.Sum);
                    return Reduction == LossReduction.Sum ? sum : sum / output.shape[0];
                default:
                    throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not a LossKind.");
            }
        }

        /// <summary>
        /// The penalty term λ₂/(2m)·Σw² + λ₁/m·Σ|w| over the weight tensors (two or more dimensions:
        /// matrices and kernels, not biases or normalization scales), m being the batch size.
        /// </summary>
        /// <param name="parameters">The model's parameters.</param>
        /// <param name="batchSize">m, the samples in the batch.</param>
        /// <returns>A scalar tensor (0 without a penalty).</returns>
        public Tensor Penalty(IEnumerable<Parameter> parameters, long batchSize)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            Tensor total = torch.zeros(Array.Empty<long>());
            foreach (Parameter weight in parameters.Where(p => p.dim() >= 2))
            {
                if (L2 > 0)
                {
                    total = total.to(weight.device) + (weight.square().sum() * (L2 / (2.0 * batchSize)));
                }

                if (L1 > 0)
                {
                    total = total.to(weight.device) + (weight.abs().sum() * (L1 / batchSize));
                }
            }

            return total;
        }

        // The smallest and largest class index: read in place for int64 indices in CPU memory (a batch
        // is a few hundred numbers; no tensor operation), one aminmax otherwise.
        private static (long Min, long Max) Range(Tensor target)
        {
            if (target.dtype == ScalarType.Int64 && target.device_type == DeviceType.CPU && target.is_contiguous())
            {
                long min = long.MaxValue, max = long.MinValue;
                foreach (long value in target.data<long>())
                {
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }

                return (min, max);
            }

            (Tensor smallest, Tensor largest) = torch.aminmax(target);
            using (smallest)
            using (largest)
            {
                return (smallest.to(ScalarType.Int64).item<long>(), largest.to(ScalarType.Int64).item<long>());
            }
        }

        /// <summary>
        /// Checks a batch before the loss: not empty, input and target holding the same number of
        /// samples, class indices (int64, shape N, in [0, K)) for cross-entropy and NLL (cross-entropy
        /// also takes N×K float class probabilities), and float targets of the output's shape otherwise.
        /// </summary>
        /// <param name="model">The model's name, for the message.</param>
        /// <param name="input">The batch's inputs.</param>
        /// <param name="target">The batch's targets.</param>
        /// <param name="outputShape">The model's per-sample output shape.</param>
        /// <exception cref="InvalidTargetException">The batch is empty or the targets do not fit the loss.</exception>
        public void CheckBatch(string model, Tensor input, Tensor target, TensorShape outputShape)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(target);
            ArgumentNullException.ThrowIfNull(outputShape);
            if (input.dim() == 0 || input.shape[0] == 0)
            {
                throw new InvalidTargetException(model, $"{model} received an empty batch (input of shape {TensorShape.Format(input.shape)}); a training step needs at least one sample.");
            }

            long n = input.shape[0];
            if (target.dim() == 0 || target.shape[0] != n)
            {
                throw new InvalidTargetException(model,
                    $"{model}: the batch holds {n} inputs but {(target.dim() == 0 ? "a scalar target" : $"{target.shape[0]} targets (shape {TensorShape.Format(target.shape)})")}; give one target per input.");
            }

            if (TakesClassIndices)
            {
                long classes = outputShape.Count > 0 ? outputShape[0] : 1;
                if (target.is_floating_point())
                {
                    bool probabilities = Kind == LossKind.CrossEntropy && target.dim() == 2 && target.shape[1] == classes;
                    if (!probabilities)
                    {
                        throw new InvalidTargetException(model,
                            $"{model}: {Kind} takes class indices (int64, shape {n}) but the targets are {target.dtype} of shape {TensorShape.Format(target.shape)}; convert them with target.to(ScalarType.Int64).");
                    }

                    return;
                }

                if (target.dim() != 1)
                {
                    throw new InvalidTargetException(model,
                        $"{model}: {Kind} takes class indices of shape {n}, one per sample, but the targets have shape {TensorShape.Format(target.shape)}.");
                }

                (long min, long max) = Range(target);
                if (min < 0 || max >= classes)
                {
                    long bad = min < 0 ? min : max;
                    throw new InvalidTargetException(model,
                        $"{model}: class index {bad} is out of range; the model has {classes} outputs, so targets must lie in [0, {classes - 1}].");
                }

                return;
            }

            string expectedFloat = $"float targets of shape {TensorShape.Format(new[] { n }.Concat(outputShape))}";
            if (!target.is_floating_point())
            {
                throw new InvalidTargetException(model, $"{model}: {Kind} takes {expectedFloat}, but the targets are {target.dtype}; convert them with target.to(ScalarType.Float32).");
            }

            bool sameShape = target.dim() == outputShape.Count + 1;
            for (int i = 0; sameShape && i < outputShape.Count; i++)
            {
                sameShape = target.shape[i + 1] == outputShape[i] || outputShape[i] < 0; // a symbolic length takes any size
            }

            if (!sameShape)
            {
                throw new InvalidTargetException(model,
                    $"{model}: {Kind} takes {expectedFloat}, but the targets have shape {TensorShape.Format(target.shape)} (a mismatch would broadcast silently).");
            }
        }

        private Tensor? Weights(Tensor output) =>
            ClassWeights is null ? null : torch.tensor(ClassWeights.ToArray(), dtype: output.dtype, device: output.device);
    }
}

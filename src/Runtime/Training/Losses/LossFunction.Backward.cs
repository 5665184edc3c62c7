using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    public sealed partial class LossFunction
    {
        /// <summary>
        /// The loss and its gradient with respect to the output, ∂L/∂ŷ, without autograd: the first
        /// step of a generated <c>Backward</c>. Each case is the derivative of <see cref="forward"/>'s
        /// libtorch function with the same reduction, smoothing and weights.
        /// </summary>
        /// <param name="output">The model's output ŷ, N×….</param>
        /// <param name="target">The targets t (see <see cref="LossKind"/>).</param>
        /// <returns>The scalar loss and ∂L/∂ŷ, of the output's shape.</returns>
        public (Tensor Loss, Tensor Gradient) Backward(Tensor output, Tensor target)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(target);
            using var noGrad = torch.no_grad();
            if (Kind == LossKind.CrossEntropy && LabelSmoothing == 0 && (ClassWeights is null || ClassWeights.Count == 0)
                && output.dim() == 2 && !target.is_floating_point())
            {
                return PlainCrossEntropyBackward(output, target, Reduction == LossReduction.Sum);
            }

            Tensor loss = forward(output, target);
            bool sum = Reduction == LossReduction.Sum;
            double m = sum ? 1.0 : output.numel();
            Tensor gradient;
            switch (Kind)
            {
                case LossKind.MSE:
                    // L = Σ(ŷ − t)²/m: ∂L/∂ŷ = 2(ŷ − t)/m
                    gradient = output.sub(target).mul_(2.0 / m);
                    break;
                case LossKind.MAE:
                    // L = Σ|ŷ − t|/m: ∂L/∂ŷ = sign(ŷ − t)/m
                    gradient = output.sub(target).sign_().div_(m);
                    break;
                case LossKind.Huber:
                    // quadratic inside ±δ, linear outside: ∂L/∂ŷ = clamp(ŷ − t, −δ, δ)/m
                    gradient = output.sub(target).clamp_(-HuberDelta, HuberDelta).div_(m);
                    break;
                case LossKind.BCE:
                    // L = −Σ[t·log ŷ + (1 − t)·log(1 − ŷ)]/m: ∂L/∂ŷ = (ŷ − t)/(ŷ(1 − ŷ))/m (libtorch's ε = 1e-12)
                    gradient = output.sub(target).div_(output.mul(output.neg().add_(1.0)).clamp_min_(1e-12)).div_(m);
                    break;
                case LossKind.BCEWithLogits:
                    // L = −Σ[t·log σ(ŷ) + (1 − t)·log(1 − σ(ŷ))]/m: ∂L/∂ŷ = (σ(ŷ) − t)/m
                    gradient = output.sigmoid().sub_(target).div_(m);
                    break;
                case LossKind.CrossEntropy:
                    gradient = CrossEntropyGradient(output, target, sum);
                    break;
                case LossKind.NLL:
                    gradient = NllGradient(output, target, sum);
                    break;
                case LossKind.KLDivergence:
                    // L = Σ t·(log t − ŷ)/N ('batchmean'): ∂L/∂ŷ = −t/N
                    gradient = target.neg().div_(sum ? 1.0 : output.shape[0]);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not a LossKind.");
            }

            return (loss, gradient);
        }

        /// <summary>The value of a scalar loss as a <see cref="float"/>, read without a conversion when the loss already is one.</summary>
        /// <param name="loss">A scalar loss of any floating element type.</param>
        /// <returns>Its value.</returns>
        public static float Value(Tensor loss)
        {
            ArgumentNullException.ThrowIfNull(loss);
            switch (loss.dtype)
            {
                case ScalarType.Float32:
                    return loss.item<float>();
                case ScalarType.Float64:
                    return (float)loss.item<double>();
                default:
                    using (Tensor single = loss.to(ScalarType.Float32))
                    {
                        return single.item<float>();
                    }
            }
        }

        /// <summary>
        /// Adds the gradient of <see cref="Penalty"/> to each weight's gradient: λ₂/m·w + λ₁/m·sign(w)
        /// over the tensors of two or more dimensions.
        /// </summary>
        /// <param name="parameters">The model's parameters, their gradients computed.</param>
        /// <param name="batchSize">m, the samples in the batch.</param>
        public void AddPenaltyGradient(IEnumerable<Parameter> parameters, long batchSize)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            using var noGrad = torch.no_grad();
            foreach (Parameter weight in parameters.Where(p => p.dim() >= 2))
            {
                using Tensor? grad = weight.grad;
                if (grad is null)
                {
                    continue;
                }

                if (L2 > 0)
                {
                    grad.add_(weight, alpha: L2 / batchSize);
                }

                if (L1 > 0)
                {
                    using Tensor sign = weight.sign();
                    grad.add_(sign, alpha: L1 / batchSize);
                }
            }
        }

        // The common case, mean (or summed) cross-entropy over class indices without weights or
        // smoothing, from one log-softmax: L = −Σₙ log pₙ,tₙ/N is the NLL of log p, and
        // ∂L/∂ŷ = (p − onehot(t))/N with p = exp(log p) computed in place (no second softmax).
        private static (Tensor Loss, Tensor Gradient) PlainCrossEntropyBackward(Tensor output, Tensor target, bool sum)
        {
            Tensor logp = output.log_softmax(1);
            Tensor loss = nn.functional.nll_loss(logp, target, reduction: sum ? nn.Reduction.Sum : nn.Reduction.Mean);
            // softmax − onehot: −1 added at each row's target class (no N×K one-hot tensor).
            using Tensor column = target.unsqueeze(1);
            using Tensor minusOne = ConstantVectors.Filled(-1.0, target.shape[0], output).unsqueeze(1);
            Tensor gradient = logp.exp_().scatter_add_(1, column, minusOne);
            if (!sum)
            {
                gradient.div_(target.shape[0]);
            }

            return (loss, gradient);
        }

        // Cross-entropy over classes on dimension 1: L = Σₙ Σₖ cₙₖ·(−log pₙₖ)/D with p = softmax(ŷ),
        // c = w·((1 − ε)·onehot(t) + ε/K) (or w·t for probability targets); so
        // ∂L/∂ŷₙⱼ = ((Σₖ cₙₖ)·pₙⱼ − cₙⱼ)/D, D = Σₙ w_tₙ for indices (N for probabilities), 1 for a sum.
        private Tensor CrossEntropyGradient(Tensor output, Tensor target, bool sum)
        {
            long classes = output.shape[1];
            using Tensor p = output.softmax(1);
            Tensor? weights = ClassWeightsOn(output);
            Tensor c;
            double denominator;
            if (target.is_floating_point())
            {
                c = target.to(output.dtype);
                if (LabelSmoothing != 0)
                {
                    c = c.mul(1 - LabelSmoothing).add_(LabelSmoothing / classes);
                }

                if (weights is not null)
                {
                    c = c.mul(weights);
                }

                denominator = sum ? 1.0 : output.numel() / classes;
            }
            else
            {
                c = OneHot(target, output).mul_(1 - LabelSmoothing);
                if (LabelSmoothing != 0)
                {
                    c.add_(LabelSmoothing / classes);
                }

                // PyTorch weighs the smoothing term by w_k and both terms are divided by Σ w_tₙ.
                if (weights is not null)
                {
                    c = c.mul(weights);
                    using Tensor picked = weights.flatten().index_select(0, target.flatten());
                    denominator = sum ? 1.0 : picked.sum().item<double>();
                }
                else
                {
                    denominator = sum ? 1.0 : target.numel();
                }
            }

            using Tensor total = c.sum(1, keepdim: true);
            Tensor gradient = p.mul(total).sub_(c).div_(denominator);
            c.Dispose();
            weights?.Dispose();
            return gradient;
        }

        // NLL: L = −Σₙ w_tₙ·ŷₙ,tₙ / Σₙ w_tₙ: ∂L/∂ŷ = −w·onehot(t)/D.
        private Tensor NllGradient(Tensor output, Tensor target, bool sum)
        {
            Tensor c = OneHot(target, output);
            double denominator = sum ? 1.0 : target.numel();
            using Tensor? weights = ClassWeightsOn(output);
            if (weights is not null)
            {
                c.mul_(weights);
                using Tensor picked = weights.flatten().index_select(0, target.flatten());
                denominator = sum ? 1.0 : picked.sum().item<double>();
            }

            return c.neg_().div_(denominator);
        }

        /// <summary>One-hot targets over dimension 1 of <paramref name="output"/>, in its dtype.</summary>
        private static Tensor OneHot(Tensor target, Tensor output)
        {
            using Tensor hot = nn.functional.one_hot(target, output.shape[1]);
            using Tensor moved = hot.movedim(new long[] { -1 }, new long[] { 1 });
            return moved.to(output.dtype);
        }

        /// <summary>The class weights shaped to broadcast over dimension 1 of <paramref name="output"/>.</summary>
        private Tensor? ClassWeightsOn(Tensor output)
        {
            Tensor? weights = Weights(output);
            if (weights is null)
            {
                return null;
            }

            var shape = new long[output.dim()];
            Array.Fill(shape, 1L);
            shape[1] = output.shape[1];
            using (weights)
            {
                return weights.reshape(shape);
            }
        }
    }
}

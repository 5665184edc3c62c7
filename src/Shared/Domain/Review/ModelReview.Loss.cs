using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>The loss against the output layer: each loss expects logits, probabilities or log-probabilities.</summary>
    internal static partial class ModelReview
    {
        private static void ReviewLoss(ModelPlan plan, List<ReviewFinding> findings)
        {
            LossSpec? loss = plan.Spec.Loss;
            int output = OutputLayer(plan);
            if (loss is null || output < 0)
            {
                return;
            }

            LayerEntry entry = plan.Layers[output].Entry;
            string layer = Display(plan, output);
            string model = plan.Spec.Name;
            switch (loss.Kind)
            {
                case LossKindSpec.CrossEntropy when entry.Has(LayerTraits.Probabilities):
                    string message = entry.Has(LayerTraits.LogProbabilities)
                        ? $"{layer} is the output layer of {model}, but {loss.Display} applies log-softmax itself and expects logits: the layer changes nothing the loss computes (log-softmax of log-probabilities is the same log-probabilities) and only costs time; remove {layer}, or keep it and use LossKind.NLL"
                        : $"{layer} is the output layer of {model}, but {loss.Display} applies log-softmax itself and expects logits: the loss sees softmax(softmax(x)), whose inputs in (0, 1) make every class nearly equally likely, so the loss cannot approach 0 and its gradients shrink; remove {layer} and apply softmax when predicting";
                    findings.Add(new ReviewFinding(ReviewKind.SoftmaxBeforeCrossEntropy, ProblemTarget.Layer, output, message));
                    break;

                case LossKindSpec.BCEWithLogits when entry.Has(LayerTraits.UnitInterval):
                    findings.Add(new ReviewFinding(ReviewKind.LossOutputMismatch, ProblemTarget.Loss, -1,
                        $"{loss.Display} applies a sigmoid itself, but the output layer {layer} of {model} already gives probabilities in (0, 1): the loss sees sigmoid(p) in (0.5, 0.73), so it can never reach 0 and its gradients are scaled down; use LossKind.BCE, or remove {layer}")
                    {
                        AlsoAt = new EquatableArray<int>(new[] { output }),
                        Fix = nameof(LossKindSpec.BCE),
                    });
                    break;

                case LossKindSpec.BCE when !entry.Has(LayerTraits.UnitInterval):
                    findings.Add(new ReviewFinding(ReviewKind.LossOutputMismatch, ProblemTarget.Loss, -1,
                        $"{loss.Display} expects probabilities in [0, 1], but the output layer {layer} of {model} gives unbounded values, and binary cross-entropy throws as soon as one leaves [0, 1]; use LossKind.BCEWithLogits, which applies the sigmoid inside the loss, stably")
                    {
                        AlsoAt = new EquatableArray<int>(new[] { output }),
                        Fix = nameof(LossKindSpec.BCEWithLogits),
                    });
                    break;

                case LossKindSpec.NLL or LossKindSpec.KLDivergence when !entry.Has(LayerTraits.LogProbabilities):
                    bool logits = !entry.Has(LayerTraits.Probabilities);
                    string given = logits ? "unnormalized scores" : "probabilities, not their logarithm";
                    string fix = loss.Kind == LossKindSpec.NLL && logits
                        ? "use LossKind.CrossEntropy, which applies log-softmax itself, or end the model with LogSoftmax"
                        : "end the model with LogSoftmax";
                    findings.Add(new ReviewFinding(ReviewKind.LossOutputMismatch, ProblemTarget.Loss, -1,
                        $"{loss.Display} expects log-probabilities, but the output layer {layer} of {model} gives {given}: the loss is then unbounded or wrong and training follows it; {fix}")
                    {
                        AlsoAt = new EquatableArray<int>(new[] { output }),
                        Fix = loss.Kind == LossKindSpec.NLL && logits ? nameof(LossKindSpec.CrossEntropy) : null,
                    });
                    break;
            }
        }
    }
}

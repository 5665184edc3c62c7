using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Dropout in the two places where it does harm: after the output, and heavy on the input.</summary>
    internal static partial class ModelReview
    {
        /// <summary>The input drop probability the notes' source (Srivastava et al., 2014) uses: keep 0.8 of the input.</summary>
        public const double InputDropout = 0.2;

        private static void ReviewDropout(ModelPlan plan, List<ReviewFinding> findings)
        {
            int output = OutputLayer(plan);
            int last = output;
            while (last >= 0 && plan.Layers[last].Parameters == 0)
            {
                last--;
            }

            // The output layer is the last one with parameters; a model without one has none.
            if (output > 0 && last >= 0 && plan.Layers[output].Entry.Has(LayerTraits.TrainingOnly))
            {
                findings.Add(new ReviewFinding(ReviewKind.DropoutAfterOutput, ProblemTarget.Layer, output,
                    $"{Display(plan, output)} comes after {Display(plan, last)}, the output layer of {plan.Spec.Name}: in training it randomly changes the predictions the loss compares with the targets, which adds noise to the loss instead of regularizing a hidden layer; remove it, or move it before the last layer with parameters"));
            }

            int first = 0;
            while (first < plan.Layers.Count && plan.Layers[first].Entry.Has(LayerTraits.Reshapes))
            {
                first++;
            }

            if (first < plan.Layers.Count && first != output && plan.Layers[first].Entry.DropProbability(plan.Layers[first].Spec) is double p && p >= 0.5)
            {
                findings.Add(new ReviewFinding(ReviewKind.InputDropout, ProblemTarget.Layer, first,
                    $"{Display(plan, first)} drops {Numbers.Format(System.Math.Round(p * 100, 2))}% of the inputs of {plan.Spec.Name} in training: an input feature that is dropped is information no later layer can recover, so input dropout keeps most of the input (p = {Numbers.Format(InputDropout)}, keeping 80%); lower p, or add noise to the inputs instead")
                {
                    Argument = "#0",
                    Fix = Numbers.Format(InputDropout),
                });
            }
        }
    }
}

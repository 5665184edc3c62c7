using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Dropout2d: zeroes whole channels of a C×H×W feature map with probability p in training and
    /// scales the kept channels by 1/(1 − p); the identity in evaluation.
    /// </summary>
    internal sealed partial class Dropout2dLayer : LayerEntry<Dropout2dLayer.Spec>
    {
        public static readonly Dropout2dLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="P">The probability of dropping a channel, in [0, 1).</param>
        public sealed record Spec(string Display, double P) : LayerSpec(Instance, Display);

        public override string Name => "Dropout2d";

        public override string FieldPrefix => "dropout";

        public override LayerTraits Traits => LayerTraits.TrainingOnly;

        /// <summary>p, which the review of input dropout asks.</summary>
        public override double? DropProbability(LayerSpec spec) => ((Spec)spec).P;

        public override string Signature => "Dropout2d(p = 0.5)";

        public override string ShapeRule => "unchanged (`C×H×W`); drops whole channels";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double(0, 0.5));

        protected override IEnumerable<string> Check(Spec spec) => DropoutRules.Check(spec.Display, spec.P);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            if (context.Input.Count != 3)
            {
                return context.Fail(ProblemKind.RankMismatch,
                    $"{spec.Display} drops channels of a C×H×W feature map but {context.Source}; use Dropout for other shapes");
            }

            return new LayerOutcome(context.Input, LayerCounts.None);
        }

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Dropout2d(p: {CSharp.Literal(spec.P)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer)
        {
            if (((Spec)layer.Spec).P > 0)
            {
                yield return "mask";
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            double p = ((Spec)layer.Spec).P;
            if (p == 0)
            {
                yield return $"{names.Output} = {names.Input};";
                yield break;
            }

            // The mask libtorch's CPU dropout draws, kept for the backward; the identity in eval mode.
            yield return $"{names.Output} = training ? {names.Input}.mul({names.Saved("mask")} = {BackwardRules.Gradients}.FeatureDropoutMask({names.Input}, {CSharp.Literal(p)})) : {names.Input};";
        }

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ m, the forward's channel mask m (1/(1 − p) or 0)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient && ((Spec)layer.Spec).P > 0)
            {
                yield return $"if (training) {names.Grad} = {names.Grad}.mul({names.Saved("mask")});";
            }
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// AlphaDropout: SELU's dropout. In training it sets dropped elements to SELU's negative
    /// saturation value and applies an affine map that keeps the input's mean and variance;
    /// the identity in evaluation.
    /// </summary>
    internal sealed partial class AlphaDropoutLayer : LayerEntry<AlphaDropoutLayer.Spec>
    {
        public static readonly AlphaDropoutLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="P">The drop probability, in [0, 1).</param>
        public sealed record Spec(string Display, double P) : LayerSpec(Instance, Display);

        public override string Name => "AlphaDropout";

        public override string FieldPrefix => "alphadropout";

        public override LayerTraits Traits => LayerTraits.TrainingOnly;

        /// <summary>p, which the review of input dropout asks.</summary>
        public override double? DropProbability(LayerSpec spec) => ((Spec)spec).P;

        public override string Signature => "AlphaDropout(p = 0.5)";

        public override string ShapeRule => "unchanged; keeps zero mean and unit variance (pair with SELU)";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double(0, 0.5));

        protected override IEnumerable<string> Check(Spec spec) => DropoutRules.Check(spec.Display, spec.P);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.AlphaDropout(p: {CSharp.Literal(spec.P)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer)
        {
            if (((Spec)layer.Spec).P > 0)
            {
                yield return "scale";
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

            // y = x⊙(a·m) + b with the mask m libtorch's CPU alpha dropout draws; a·m kept for the backward; the identity in eval mode.
            yield return $"{names.Output} = training ? {BackwardRules.Gradients}.AlphaDropout({names.Input}, {CSharp.Literal(p)}, out {names.Saved("scale")}) : {names.Input};";
        }

        public override string BackwardFormula(LayerPlan layer) => "y = x⊙(a·m) + b: δ ← δ ⊙ a·m, the forward's mask m times a = 1/√((α²p + 1)(1 − p))";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient && ((Spec)layer.Spec).P > 0)
            {
                yield return $"if (training) {names.Grad} = {names.Grad}.mul({names.Saved("scale")});";
            }
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Dropout: zeroes each element with probability p in training and scales the rest by 1/(1 − p).</summary>
    internal sealed partial class DropoutLayer : LayerEntry<DropoutLayer.Spec>
    {
        public static readonly DropoutLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="P">The drop probability, in [0, 1).</param>
        public sealed record Spec(string Display, double P) : LayerSpec(Instance, Display);

        public override string Name => "Dropout";

        public override string FieldPrefix => "dropout";

        public override LayerTraits Traits => LayerTraits.TrainingOnly;

        public override double? DropProbability(LayerSpec spec) => ((Spec)spec).P;

        public override string Signature => "Dropout(p = 0.5)";

        public override string ShapeRule => "unchanged";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double(0, 0.5));

        protected override IEnumerable<string> Check(Spec spec) => DropoutRules.Check(spec.Display, spec.P);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Dropout(p: {CSharp.Literal(spec.P)})";

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
            yield return $"{names.Output} = training ? {names.Input}.mul({names.Saved("mask")} = {BackwardRules.Gradients}.DropoutMask({names.Input}, {CSharp.Literal(p)})) : {names.Input};";
        }

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ m, the forward's mask m (1/(1 − p) or 0)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient && ((Spec)layer.Spec).P > 0)
            {
                yield return $"if (training) {names.Grad} = {names.Grad}.mul({names.Saved("mask")});";
            }
        }
    }
}

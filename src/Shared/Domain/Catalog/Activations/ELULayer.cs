using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>ELU: x for x > 0, α·(eˣ − 1) below (the notes give no α; PyTorch's default is 1).</summary>
    internal sealed partial class ELULayer : LayerEntry<ELULayer.Spec>
    {
        public static readonly ELULayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Alpha">The negative saturation value's magnitude α.</param>
        public sealed record Spec(string Display, double Alpha) : LayerSpec(Instance, Display);

        public override string Name => "ELU";

        public override string FieldPrefix => "elu";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "ELU(Alpha = 1.0)";

        public override string ShapeRule => "unchanged; `x > 0 ? x : α·(eˣ − 1)`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double("Alpha", 1.0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (double.IsNaN(spec.Alpha) || double.IsInfinity(spec.Alpha))
            {
                yield return $"{spec.Display}: Alpha must be finite, got {Numbers.Format(spec.Alpha)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.ELU(alpha: {CSharp.Literal(spec.Alpha)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ (x > 0 ? 1 : y + α)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names) =>
            names.MultiplyGrad($"{names.Output}.add({CSharp.Literal(((Spec)layer.Spec).Alpha)}).masked_fill_({names.Input}.gt(0.0), 1.0)");
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>LeakyReLU: x for x ≥ 0, slope·x below.</summary>
    internal sealed partial class LeakyReLULayer : LayerEntry<LeakyReLULayer.Spec>
    {
        public static readonly LeakyReLULayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NegativeSlope">The slope for negative inputs.</param>
        public sealed record Spec(string Display, double NegativeSlope) : LayerSpec(Instance, Display);

        public override string Name => "LeakyReLU";

        public override string FieldPrefix => "leakyrelu";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "LeakyReLU(NegativeSlope = 0.01)";

        public override string ShapeRule => "unchanged; `x ≥ 0 ? x : slope·x`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double("NegativeSlope", 0.01));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (double.IsNaN(spec.NegativeSlope) || double.IsInfinity(spec.NegativeSlope))
            {
                yield return $"{spec.Display}: NegativeSlope must be finite, got {Numbers.Format(spec.NegativeSlope)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.LeakyReLU(negative_slope: {CSharp.Literal(spec.NegativeSlope)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ (x > 0 ? 1 : s)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            double slope = ((Spec)layer.Spec).NegativeSlope;
            return names.MultiplyGrad($"{names.Input}.gt(0.0).to({names.Input}.dtype).mul_({CSharp.Literal(1 - slope)}).add_({CSharp.Literal(slope)})");
        }
    }
}

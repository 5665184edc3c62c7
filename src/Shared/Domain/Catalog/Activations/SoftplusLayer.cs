using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Softplus: (1/β)·ln(1 + e^(β·x)), linear where β·x exceeds the threshold (for numerical
    /// stability). With β = 1 it is the notes' ln(1 + eˣ).
    /// </summary>
    internal sealed partial class SoftplusLayer : LayerEntry<SoftplusLayer.Spec>
    {
        public static readonly SoftplusLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Beta">The sharpness β.</param>
        /// <param name="Threshold">Above this value of β·x the output is x.</param>
        public sealed record Spec(string Display, double Beta, double Threshold) : LayerSpec(Instance, Display);

        public override string Name => "Softplus";

        public override string FieldPrefix => "softplus";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "Softplus(Beta = 1.0, Threshold = 20.0)";

        public override string ShapeRule => "unchanged; `(1/β)·ln(1 + e^(β·x))`, `x` where `β·x > Threshold`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double("Beta", 1.0), args.Double("Threshold", 20.0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (!(spec.Beta > 0) || double.IsInfinity(spec.Beta))
            {
                yield return $"{spec.Display}: Beta must be positive and finite, got {Numbers.Format(spec.Beta)}";
            }

            if (double.IsNaN(spec.Threshold) || double.IsInfinity(spec.Threshold))
            {
                yield return $"{spec.Display}: Threshold must be finite, got {Numbers.Format(spec.Threshold)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.Softplus(beta: {CSharp.Literal(spec.Beta)}, threshold: {CSharp.Literal(spec.Threshold)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ (βx > threshold ? 1 : σ(βx))";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string bx = $"{names.Input}.mul({CSharp.Literal(spec.Beta)})";
            return names.MultiplyGrad($"{bx}.sigmoid().masked_fill_({bx}.gt({CSharp.Literal(spec.Threshold)}), 1.0)");
        }
    }
}

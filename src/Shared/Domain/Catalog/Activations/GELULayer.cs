using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>GELU: x·Φ(x), Φ the standard normal CDF; optionally PyTorch's tanh approximation.</summary>
    internal sealed partial class GELULayer : LayerEntry<GELULayer.Spec>
    {
        public static readonly GELULayer Instance = new();

        /// <summary>The value of <c>GeluApproximate.None</c>.</summary>
        public const int None = 0;

        /// <summary>The value of <c>GeluApproximate.Tanh</c>.</summary>
        public const int Tanh = 1;

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Approximate">The runtime's <c>GeluApproximate</c> value: <see cref="None"/> (exact) or <see cref="Tanh"/>.</param>
        public sealed record Spec(string Display, int Approximate) : LayerSpec(Instance, Display);

        public override string Name => "GELU";

        public override string FieldPrefix => "gelu";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "GELU(Approximate = GeluApproximate.None)";

        public override string ShapeRule => "unchanged; `x·Φ(x)`; with `Tanh`, `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int("Approximate", None));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.Approximate is not (None or Tanh))
            {
                yield return $"{spec.Display}: {spec.Approximate} is not a GeluApproximate; use GeluApproximate.None or GeluApproximate.Tanh";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.GELU(approximate: {CSharp.Modules}.GELU.Approximate.{(spec.Approximate == Tanh ? "tanh" : "none")})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).Approximate == Tanh
            ? "δ ← δ ⊙ (½(1 + u) + ½x(1 − u²)·√(2/π)(1 + 3·0.044715x²)), u = tanh(√(2/π)(x + 0.044715x³))"
            : "δ ← δ ⊙ (Φ(x) + x·φ(x))";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names) =>
            names.MultiplyGrad($"global::ModelGen.Training.Gradients.GELUDerivative({names.Input}, tanh: {CSharp.Literal(((Spec)layer.Spec).Approximate == Tanh)})");
    }
}

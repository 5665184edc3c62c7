using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Hardtanh: x clamped to [MinVal, MaxVal]. TorchSharp 0.107's nn.Hardtanh returns its input
    /// unchanged, so the runtime's <c>ModelGen.Layers.Hardtanh</c> (a clamp) is created instead.
    /// </summary>
    internal sealed partial class HardtanhLayer : LayerEntry<HardtanhLayer.Spec>
    {
        public static readonly HardtanhLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="MinVal">The lower bound.</param>
        /// <param name="MaxVal">The upper bound, above <paramref name="MinVal"/>.</param>
        public sealed record Spec(string Display, double MinVal, double MaxVal) : LayerSpec(Instance, Display);

        public override string Name => "Hardtanh";

        public override string FieldPrefix => "hardtanh";

        public override LayerTraits Traits => LayerTraits.Activation | LayerTraits.Saturating;

        public override string Signature => "Hardtanh(MinVal = -1.0, MaxVal = 1.0)";

        public override string Module => "ModelGen.Layers.Hardtanh";

        public override string ShapeRule => "unchanged; `min(max(x, MinVal), MaxVal)`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double("MinVal", -1.0), args.Double("MaxVal", 1.0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            bool finite = true;
            foreach ((string name, double value) in new[] { ("MinVal", spec.MinVal), ("MaxVal", spec.MaxVal) })
            {
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    finite = false;
                    yield return $"{spec.Display}: {name} must be finite, got {Numbers.Format(value)}";
                }
            }

            if (finite && !(spec.MinVal < spec.MaxVal))
            {
                yield return $"{spec.Display}: MinVal must be less than MaxVal, got {Numbers.Format(spec.MinVal)} ≥ {Numbers.Format(spec.MaxVal)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.Hardtanh";

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"new global::ModelGen.Layers.Hardtanh(minVal: {CSharp.Literal(spec.MinVal)}, maxVal: {CSharp.Literal(spec.MaxVal)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ ⊙ 1[min ≤ x ≤ max] (clamp's rule)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            return names.MultiplyGrad($"{names.Input}.clamp({CSharp.Literal(spec.MinVal)}, {CSharp.Literal(spec.MaxVal)}).eq({names.Input}).to({names.Input}.dtype)");
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// BinaryStep (Heaviside): 1 for x &gt; 0, 0 for x &lt; 0, <c>ValueAtZero</c> at 0 (the notes disagree
    /// at 0: 003's binary step and 002's perceptron give 1, 001 gives 0; the default follows 003).
    /// Its gradient is zero everywhere, so nothing below it learns. TorchSharp has no such module,
    /// so the runtime's <c>ModelGen.Layers.BinaryStep</c> is created.
    /// </summary>
    internal sealed partial class BinaryStepLayer : LayerEntry<BinaryStepLayer.Spec>
    {
        public static readonly BinaryStepLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="ValueAtZero">The output for an input of exactly 0.</param>
        public sealed record Spec(string Display, double ValueAtZero) : LayerSpec(Instance, Display);

        public override string Name => "BinaryStep";

        public override string FieldPrefix => "step";

        public override LayerTraits Traits => LayerTraits.Activation | LayerTraits.NoGradient;

        public override string Signature => "BinaryStep(ValueAtZero = 1.0)";

        public override string Module => "ModelGen.Layers.BinaryStep";

        public override string ShapeRule => "unchanged; `x > 0 ? 1 : x < 0 ? 0 : ValueAtZero`; gradient 0";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double("ValueAtZero", 1.0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (double.IsNaN(spec.ValueAtZero) || double.IsInfinity(spec.ValueAtZero))
            {
                yield return $"{spec.Display}: ValueAtZero must be finite, got {Numbers.Format(spec.ValueAtZero)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.BinaryStep";

        protected override string Factory(Spec spec, LayerPlan layer) => $"new global::ModelGen.Layers.BinaryStep(valueAtZero: {CSharp.Literal(spec.ValueAtZero)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← 0 (the step is flat wherever it has a derivative)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient)
            {
                yield return $"{names.Grad} = global::TorchSharp.torch.zeros_like({names.Grad});";
            }
        }
    }
}

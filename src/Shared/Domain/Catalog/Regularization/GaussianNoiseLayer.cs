using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// GaussianNoise: adds N(0, std²) noise to every element in training, the identity in
    /// evaluation (Keras' GaussianNoise; the notes' "noise added to inputs"). TorchSharp has no
    /// such module, so the runtime's <c>ModelGen.Layers.GaussianNoise</c> is created.
    /// </summary>
    internal sealed partial class GaussianNoiseLayer : LayerEntry<GaussianNoiseLayer.Spec>
    {
        public static readonly GaussianNoiseLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Std">The standard deviation σ of the noise.</param>
        public sealed record Spec(string Display, double Std) : LayerSpec(Instance, Display);

        public override string Name => "GaussianNoise";

        public override string FieldPrefix => "noise";

        public override LayerTraits Traits => LayerTraits.TrainingOnly;

        public override string Signature => "GaussianNoise(std)";

        public override string Module => "ModelGen.Layers.GaussianNoise";

        public override string ShapeRule => "unchanged; `x + N(0, std²)` in training, `x` in evaluation";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double(0, double.NaN));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (!(spec.Std >= 0) || double.IsInfinity(spec.Std))
            {
                yield return $"{spec.Display}: the noise standard deviation must be zero or positive and finite, got {Numbers.Format(spec.Std)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.GaussianNoise";

        protected override string Factory(Spec spec, LayerPlan layer) => $"new global::ModelGen.Layers.GaussianNoise(std: {CSharp.Literal(spec.Std)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ unchanged (y = x + noise)";
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Linear: y = x·Wᵀ + b over flat features; the number of inputs comes from the layer above.</summary>
    internal sealed partial class LinearLayer : LayerEntry<LinearLayer.Spec>
    {
        public static readonly LinearLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="OutFeatures">The number of outputs.</param>
        /// <param name="Bias">Whether an additive bias is learned.</param>
        public sealed record Spec(string Display, int OutFeatures, bool Bias) : LayerSpec(Instance, Display);

        public override string Name => "Linear";

        public override string FieldPrefix => "fc";

        public override LayerTraits Traits => LayerTraits.LinearMap;

        public override string Signature => "Linear(out, Bias = true)";

        /// <summary>Acts on each position of an L×F sequence, so the length may be symbolic; the features (last dimension) may not.</summary>
        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => input.Count >= 2 && input[input.Count - 1] != Shape.Symbolic;

        public override string ShapeRule => "`F → out` (in features inferred); on a sequence `L×F → L×out`, position by position";

        public override string ParameterRule => "`in·out + out`";

        public override bool HasBias(LayerSpec spec) => ((Spec)spec).Bias;

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int(0, 0), args.Bool("Bias", true));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.OutFeatures <= 0)
            {
                yield return $"{spec.Display}: the number of output features must be positive, got {spec.OutFeatures}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            // PyTorch applies Linear to the last dimension. Over the positions of a sequence (L×F)
            // that is the point; over the width of a channels-first map it is a silent mistake.
            EquatableArray<int> input = context.Input;
            if (input.Count != 1 && context.ChannelsFirst)
            {
                var applied = new List<int>(input) { [input.Count - 1] = spec.OutFeatures };
                return context.Fail(ProblemKind.LinearNeedsFlatten,
                    $"{spec.Display} needs flat features but {context.Source}; add [Flatten] above it (Linear would act on the last dimension only and produce {Shape.Format(new EquatableArray<int>(applied))})");
            }

            int inFeatures = input[input.Count - 1];
            var output = new List<int>(input) { [input.Count - 1] = spec.OutFeatures };
            long rows = Shape.Elements(input) / inFeatures;
            long weights = Numbers.SaturatingProduct(inFeatures, spec.OutFeatures);
            if (weights == long.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            LayerCounts counts = LayerCounts.PerPosition(weights, spec.Bias ? spec.OutFeatures : 0, positions: rows);
            return new LayerOutcome(new EquatableArray<int>(output), counts, inFeatures);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.Linear(inputSize: {layer.InFeatures}, outputSize: {spec.OutFeatures}, hasBias: {CSharp.Literal(spec.Bias)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer) =>
            spec.Bias ? $"{layer.InFeatures}·{spec.OutFeatures} + {spec.OutFeatures}" : $"{layer.InFeatures}·{spec.OutFeatures}";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) =>
            ((Spec)layer.Spec).Bias ? "∂W = δᵀ·x, ∂b = Σₙ δ, δ ← δ·W" : "∂W = δᵀ·x, δ ← δ·W";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string x = names.Input, g = names.Grad;
            bool flat = layer.InputShape.Count == 1;
            // On a sequence (or any rank > 2) the positions are rows like the samples.
            string rows = flat ? g : $"{g}.reshape(-1, {spec.OutFeatures})";
            string inputs = flat ? x : $"{x}.reshape(-1, {layer.InFeatures})";
            // δᵀ once, for both gradients: ∂W = δᵀ·x and ∂b = δᵀ·1.
            string transposed = $"{g}T{names.Index}";
            yield return $"var {transposed} = {rows}.t();";
            yield return names.SetGradientProduct("weight", transposed, inputs);
            if (spec.Bias)
            {
                yield return $"{BackwardRules.Gradients}.SetRowSums({names.Parameter("bias")}, {transposed});";
            }

            if (names.NeedsInputGradient)
            {
                yield return flat ? $"{g} = {g}.mm({names.Parameter("weight")});" : $"{g} = {g}.matmul({names.Parameter("weight")});";
            }
        }
    }
}

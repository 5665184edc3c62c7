using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// LayerNorm: normalizes each sample over its last <c>NormalizedDims</c> dimensions (the
    /// features by default) with a learned element-wise scale γ and shift β of that shape.
    /// PyTorch's <c>normalized_shape</c> is inferred: the trailing dimensions of the input.
    /// </summary>
    internal sealed partial class LayerNormLayer : LayerEntry<LayerNormLayer.Spec>
    {
        public static readonly LayerNormLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NormalizedDims">How many trailing dimensions are normalized together (1: the last).</param>
        /// <param name="Eps">Added to the variance for numerical stability.</param>
        /// <param name="ElementwiseAffine">Whether γ (and β when <paramref name="Bias"/>) are learned.</param>
        /// <param name="Bias">Whether β is learned (only with <paramref name="ElementwiseAffine"/>).</param>
        public sealed record Spec(string Display, int NormalizedDims, double Eps, bool ElementwiseAffine, bool Bias) : LayerSpec(Instance, Display);

        public override string Name => "LayerNorm";

        public override string FieldPrefix => "ln";

        public override LayerTraits Traits => LayerTraits.Normalizes;

        /// <summary>Position-wise over a sequence (L×E): only the normalized trailing dimensions must be known.</summary>
        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input)
        {
            int normalized = ((Spec)spec).NormalizedDims;
            for (int d = System.Math.Max(0, input.Count - normalized); d < input.Count; d++)
            {
                if (input[d] == Shape.Symbolic)
                {
                    return false;
                }
            }

            return true;
        }

        public override string Signature => "LayerNorm(NormalizedDims = 1, Eps = 1e-5, ElementwiseAffine = true, Bias = true)";

        public override string ShapeRule => "unchanged; normalized over the last `NormalizedDims` dimensions (`normalized_shape` = those dimensions)";

        public override string ParameterRule => "`2·E` (E = elements of the normalized dimensions); `E` without Bias; 0 without ElementwiseAffine";

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            args.Display,
            args.Int("NormalizedDims", 1),
            args.Double("Eps", 1e-5),
            args.Bool("ElementwiseAffine", true),
            args.Bool("Bias", true));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NormalizedDims < 1)
            {
                yield return $"{spec.Display}: NormalizedDims must be at least 1 (the last dimension), got {spec.NormalizedDims}";
            }

            if (!(spec.Eps > 0) || double.IsInfinity(spec.Eps))
            {
                yield return $"{spec.Display}: Eps must be positive and finite, got {Numbers.Format(spec.Eps)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (spec.NormalizedDims > input.Count)
            {
                return context.Fail(ProblemKind.RankMismatch,
                    $"{spec.Display} normalizes the last {spec.NormalizedDims} dimensions but {context.Source}, which has {input.Count}; use NormalizedDims = {input.Count} or less");
            }

            long elements = Shape.Elements(Normalized(spec, input));
            long parameters = spec.ElementwiseAffine ? Numbers.SaturatingProduct(elements, spec.Bias ? 2 : 1) : 0;
            if (parameters == long.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more parameters than a 64-bit count can hold");
            }

            return new LayerOutcome(input, LayerCounts.Elementwise(parameters));
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.LayerNorm(normalized_shape: new long[] {{ {CSharp.ShapeArguments(Normalized(spec, layer.InputShape))} }}, eps: {CSharp.Literal(spec.Eps)}, elementwise_affine: {CSharp.Literal(spec.ElementwiseAffine)}, bias: {CSharp.Literal(spec.Bias)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer)
        {
            if (!spec.ElementwiseAffine)
            {
                return string.Empty;
            }

            string shape = string.Join("·", Normalized(spec, layer.InputShape).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return spec.Bias ? $"2·{shape}" : shape;
        }

        private static EquatableArray<int> Normalized(Spec spec, EquatableArray<int> input) =>
            new(input.Skip(input.Count - spec.NormalizedDims).ToArray());

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "xhat", "invstd" };

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
            yield return $"{names.Saved("xhat")} = {BackwardRules.Gradients}.LayerNormNormalized({names.Input}, {spec.NormalizedDims}, {CSharp.Literal(spec.Eps)}, out {names.Saved("invstd")});";
        }

        public override string BackwardFormula(LayerPlan layer) =>
            "∂γ = Σ δ⊙x̂, ∂β = Σ δ over samples (and positions), δ̃ = δ⊙γ, δ ← (δ̃ − mean δ̃ − x̂·mean(δ̃⊙x̂))/σ over the normalized dimensions";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string g = names.Grad;
            string leading = string.Join(", ", Enumerable.Range(0, layer.InputShape.Count + 1 - spec.NormalizedDims));
            if (spec.ElementwiseAffine)
            {
                yield return names.SetGradient("weight", $"{g}.mul({names.Saved("xhat")}).sum(new long[] {{ {leading} }})");
                if (spec.Bias)
                {
                    yield return names.SetGradient("bias", $"{g}.sum(new long[] {{ {leading} }})");
                }
            }

            if (names.NeedsInputGradient)
            {
                string weight = spec.ElementwiseAffine ? names.Parameter("weight") : "null";
                yield return $"{g} = {BackwardRules.Gradients}.LayerNormInput({g}, {names.Saved("xhat")}, {names.Saved("invstd")}, {weight}, {spec.NormalizedDims});";
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// GroupNorm: splits the channels (the first dimension of a sample, dimension 1 of the batch)
    /// into <c>numGroups</c> groups and normalizes each group of each sample, with a learned
    /// per-channel scale γ and shift β. No running statistics. PyTorch also accepts flat N×C input;
    /// TorchSharp 0.107's GroupNorm refuses fewer than three batch dimensions, so a sample needs
    /// channels and at least one more dimension (C×L, C×H×W). TorchSharp 0.107 also leaves γ and β
    /// uninitialized, so the layer is created through the runtime's
    /// <c>ModelGen.Layers.InitializedGroupNorm</c>, which sets PyTorch's γ = 1, β = 0.
    /// </summary>
    internal sealed partial class GroupNormLayer : LayerEntry<GroupNormLayer.Spec>
    {
        public static readonly GroupNormLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NumGroups">The number of groups; it must divide the channels.</param>
        /// <param name="Eps">Added to the variance for numerical stability.</param>
        /// <param name="Affine">Whether γ and β are learned.</param>
        public sealed record Spec(string Display, int NumGroups, double Eps, bool Affine) : LayerSpec(Instance, Display);

        public override string Name => "GroupNorm";

        public override string FieldPrefix => "gn";

        public override LayerTraits Traits => LayerTraits.Normalizes;

        public override string Signature => "GroupNorm(numGroups, Eps = 1e-5, Affine = true)";

        public override string Module => "nn.GroupNorm via ModelGen.Layers.InitializedGroupNorm";

        public override string ShapeRule => "unchanged (`C×L`, `C×H×W`, …; not flat `F`); `numGroups` must divide `C`";

        public override string ParameterRule => "`2·C`; 0 without Affine";

        protected override Spec ReadSpec(DeclaredArguments args) =>
            new(args.Display, args.Int(0, 0), args.Double("Eps", 1e-5), args.Bool("Affine", true));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NumGroups <= 0)
            {
                yield return $"{spec.Display}: the number of groups must be positive, got {spec.NumGroups}";
            }

            if (!(spec.Eps > 0) || double.IsInfinity(spec.Eps))
            {
                yield return $"{spec.Display}: Eps must be positive and finite, got {Numbers.Format(spec.Eps)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count < 2)
            {
                return context.Fail(ProblemKind.RankMismatch,
                    $"{spec.Display} needs channels and positions (C×L, C×H×W) but {context.Source}; TorchSharp's GroupNorm refuses flat features, use LayerNorm for them");
            }

            int channels = input[0];
            if (channels % spec.NumGroups != 0)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {spec.NumGroups} groups do not divide {channels} channels ({context.Source}); use a number of groups that divides {channels}");
            }

            return new LayerOutcome(input, LayerCounts.Elementwise(spec.Affine ? 2L * channels : 0), channels);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"global::ModelGen.Layers.InitializedGroupNorm.Create(num_groups: {spec.NumGroups}, num_channels: {layer.InFeatures}, eps: {CSharp.Literal(spec.Eps)}, affine: {CSharp.Literal(spec.Affine)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => spec.Affine ? $"2·{layer.InFeatures}" : string.Empty;

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "xhat", "invstd" };

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
            yield return $"{names.Saved("xhat")} = {BackwardRules.Gradients}.GroupNormNormalized({names.Input}, {spec.NumGroups}, {CSharp.Literal(spec.Eps)}, out {names.Saved("invstd")});";
        }

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).Affine
            ? "∂γ = Σ δ⊙x̂, ∂β = Σ δ over samples and positions, δ̃ = δ⊙γ, δ ← (δ̃ − mean δ̃ − x̂·mean(δ̃⊙x̂))/σ over each group"
            : "δ ← (δ − mean δ − x̂·mean(δ⊙x̂))/σ over each group";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string g = names.Grad;
            if (spec.Affine)
            {
                string dims = string.Join(", ", new[] { 0 }.Concat(Enumerable.Range(2, layer.InputShape.Count - 1)));
                yield return names.SetGradient("weight", $"{g}.mul({names.Saved("xhat")}).sum(new long[] {{ {dims} }})");
                yield return names.SetGradient("bias", $"{g}.sum(new long[] {{ {dims} }})");
            }

            if (names.NeedsInputGradient)
            {
                string weight = spec.Affine ? names.Parameter("weight") : "null";
                yield return $"{g} = {BackwardRules.Gradients}.GroupNormInput({g}, {names.Saved("xhat")}, {names.Saved("invstd")}, {weight}, {spec.NumGroups});";
            }
        }
    }
}

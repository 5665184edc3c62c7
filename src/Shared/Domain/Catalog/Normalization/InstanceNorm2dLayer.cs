using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// InstanceNorm2d: normalizes each channel of each sample over its H×W positions. As in
    /// PyTorch, neither the scale γ and shift β (Affine) nor the running statistics
    /// (TrackRunningStats) are on by default; buffers exist only when tracked.
    /// </summary>
    internal sealed partial class InstanceNorm2dLayer : LayerEntry<InstanceNorm2dLayer.Spec>
    {
        public static readonly InstanceNorm2dLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Eps">Added to the variance for numerical stability.</param>
        /// <param name="Momentum">The running statistics' update factor (used only when tracked).</param>
        /// <param name="Affine">Whether γ and β are learned.</param>
        /// <param name="TrackRunningStats">Whether running mean and variance are kept and used in evaluation.</param>
        public sealed record Spec(string Display, double Eps, double Momentum, bool Affine, bool TrackRunningStats) : LayerSpec(Instance, Display);

        public override string Name => "InstanceNorm2d";

        public override string FieldPrefix => "inorm";

        /// <summary>Normalizes each channel of each sample over its positions, so a bias on that channel just before it is cancelled.</summary>
        public override LayerTraits Traits => LayerTraits.Normalizes | LayerTraits.CancelsChannelBias;

        public override string Signature => "InstanceNorm2d(Eps = 1e-5, Momentum = 0.1, Affine = false, TrackRunningStats = false)";

        public override string ShapeRule => "unchanged (`C×H×W`)";

        public override string ParameterRule => "`2·C` with Affine, else 0 (buffers `2·C` with TrackRunningStats)";

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            args.Display,
            args.Double("Eps", 1e-5),
            args.Double("Momentum", 0.1),
            args.Bool("Affine", false),
            args.Bool("TrackRunningStats", false));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (!(spec.Eps > 0) || double.IsInfinity(spec.Eps))
            {
                yield return $"{spec.Display}: Eps must be positive and finite, got {Numbers.Format(spec.Eps)}";
            }

            if (!(spec.Momentum >= 0 && spec.Momentum <= 1))
            {
                yield return $"{spec.Display}: Momentum must be in [0, 1], got {Numbers.Format(spec.Momentum)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 3)
            {
                return context.Fail(ProblemKind.RankMismatch,
                    $"{spec.Display} needs a C×H×W feature map but {context.Source}; use LayerNorm or GroupNorm for other shapes");
            }

            int channels = input[0];
            var counts = LayerCounts.Elementwise(spec.Affine ? 2L * channels : 0, buffers: spec.TrackRunningStats ? 2L * channels : 0);
            return new LayerOutcome(input, counts, channels, ChannelsFirst: true);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.InstanceNorm2d(num_features: {layer.InFeatures}, eps: {CSharp.Literal(spec.Eps)}, momentum: {CSharp.Literal(spec.Momentum)}, affine: {CSharp.Literal(spec.Affine)}, track_running_stats: {CSharp.Literal(spec.TrackRunningStats)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => spec.Affine ? $"2·{layer.InFeatures}" : string.Empty;

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "xhat", "invstd" };

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string running = spec.TrackRunningStats ? $"{names.Field}.running_mean, {names.Field}.running_var" : "null, null";
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
            yield return $"{names.Saved("xhat")} = {BackwardRules.Gradients}.InstanceNormNormalized({names.Input}, {running}, {CSharp.Literal(spec.Eps)}, inputStatistics: {InputStatistics(spec)}, out {names.Saved("invstd")});";
        }

        public override string BackwardFormula(LayerPlan layer)
        {
            var spec = (Spec)layer.Spec;
            string parameters = spec.Affine ? "∂γ = Σ δ⊙x̂, ∂β = Σ δ over samples and positions, δ̃ = δ⊙γ, " : "δ̃ = δ, ";
            string input = "δ ← (δ̃ − mean δ̃ − x̂·mean(δ̃⊙x̂))/σ over each channel's positions";
            return spec.TrackRunningStats ? $"{parameters}{input} in training, δ̃/σ (running statistics) in evaluation" : parameters + input;
        }

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string g = names.Grad;
            if (spec.Affine)
            {
                yield return names.SetGradient("weight", $"{g}.mul({names.Saved("xhat")}).sum(new long[] {{ 0, 2, 3 }})");
                yield return names.SetGradient("bias", $"{g}.sum(new long[] {{ 0, 2, 3 }})");
            }

            if (names.NeedsInputGradient)
            {
                string weight = spec.Affine ? names.Parameter("weight") : "null";
                yield return $"{g} = {BackwardRules.Gradients}.InstanceNormInput({g}, {names.Saved("xhat")}, {names.Saved("invstd")}, {weight}, inputStatistics: {InputStatistics(spec)});";
            }
        }

        /// <summary>Whether each instance's own statistics normalize it: always without running statistics, else in training (PyTorch's use_input_stats).</summary>
        private static string InputStatistics(Spec spec) => spec.TrackRunningStats ? "training" : "true";
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// BatchNorm1d, BatchNorm2d and BatchNorm3d: normalize each feature (channel) over the batch
    /// with a learned scale γ and shift β (the parameters) and running mean and variance (buffers).
    /// </summary>
    internal sealed partial class BatchNormLayer : LayerEntry<BatchNormLayer.Spec>
    {
        public static readonly BatchNormLayer OneD = new(
            "BatchNorm1d", new[] { 1, 2 }, "F features or a C×L sequence", "use BatchNorm2d for a C×H×W feature map", "unchanged (`F` or `C×L`)", "`2·F`");

        public static readonly BatchNormLayer TwoD = new(
            "BatchNorm2d", new[] { 3 }, "a C×H×W feature map", "use BatchNorm1d for flat features", "unchanged (`C×H×W`)", "`2·C`");

        public static readonly BatchNormLayer ThreeD = new(
            "BatchNorm3d", new[] { 4 }, "a C×D×H×W volume", "use BatchNorm2d for a C×H×W feature map", "unchanged (`C×D×H×W`)", "`2·C`");

        private readonly int[] _ranks;
        private readonly string _needs;
        private readonly string _hint;

        private BatchNormLayer(string name, int[] ranks, string needs, string hint, string shapeRule, string parameterRule)
        {
            Name = name;
            _ranks = ranks;
            _needs = needs;
            _hint = hint;
            ShapeRule = shapeRule;
            ParameterRule = parameterRule;
        }

        /// <param name="Norm">The entry of the kind (the family has several).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="Eps">Added to the variance for numerical stability.</param>
        /// <param name="Momentum">The running statistics' update factor.</param>
        public sealed record Spec(BatchNormLayer Norm, string Display, double Eps, double Momentum) : LayerSpec(Norm, Display);

        public override string Name { get; }

        public override string FieldPrefix => "bn";

        public override LayerTraits Traits => LayerTraits.Normalizes | LayerTraits.CancelsChannelBias;

        public override string Signature => $"{Name}(Eps = 1e-5, Momentum = 0.1)";

        public override string ShapeRule { get; }

        public override string ParameterRule { get; }

        protected override Spec ReadSpec(DeclaredArguments args) =>
            new(this, args.Display, args.Double("Eps", 1e-5), args.Double("Momentum", 0.1));

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
            if (System.Array.IndexOf(_ranks, input.Count) < 0)
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs {_needs} but {context.Source}; {_hint}");
            }

            // The first dimension is the channels (C×L, C×H×W): γ and β are parameters; running mean and variance are buffers (num_batches_tracked, a scalar, is not counted).
            return new LayerOutcome(input, LayerCounts.Elementwise(2L * input[0], buffers: 2L * input[0]), input[0], ChannelsFirst: input.Count >= 2);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.{Name}(num_features: {layer.InFeatures}, eps: {CSharp.Literal(spec.Eps)}, momentum: {CSharp.Literal(spec.Momentum)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => $"2·{layer.InFeatures}";

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "xhat", "invstd" };

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
            yield return $"{names.Saved("xhat")} = {BackwardRules.Gradients}.BatchNormNormalized({names.Input}, {names.Field}.running_mean, {names.Field}.running_var, {CSharp.Literal(((Spec)layer.Spec).Eps)}, training, out {names.Saved("invstd")});";
        }

        public override string BackwardFormula(LayerPlan layer) =>
            "∂γ = Σ δ⊙x̂, ∂β = Σ δ, δ ← γ/σ·(δ − mean δ − x̂·mean(δ⊙x̂)) in training, γ/σ·δ in evaluation";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            string g = names.Grad;
            string call = $"{BackwardRules.Gradients}.BatchNorm({g}, {names.Saved("xhat")}, {names.Saved("invstd")}, {names.Parameter("weight")}, {names.Parameter("bias")}, training, inputGradient: {CSharp.Literal(names.NeedsInputGradient)})";
            yield return names.NeedsInputGradient ? $"{g} = {call}!;" : $"{call};";
        }
    }
}

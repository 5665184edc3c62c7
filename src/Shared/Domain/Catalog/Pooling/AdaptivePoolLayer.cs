using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// AdaptiveAvgPool1d/2d and AdaptiveMaxPool2d: the window and stride adapt so that each
    /// channel comes out at the declared size; output size 1 is global pooling. PyTorch also
    /// accepts an output larger than the input (windows then repeat input positions), so only a
    /// size below 1 is an error.
    /// </summary>
    internal sealed partial class AdaptivePoolLayer : LayerEntry<AdaptivePoolLayer.Spec>
    {
        public static readonly AdaptivePoolLayer Avg1d = new(isMax: false, 1);
        public static readonly AdaptivePoolLayer Avg2d = new(isMax: false, 2);
        public static readonly AdaptivePoolLayer Max2d = new(isMax: true, 2);

        private AdaptivePoolLayer(bool isMax, int rank)
        {
            IsMax = isMax;
            Rank = rank;
        }

        /// <param name="Pool">The entry of the kind.</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="OutputSize">The output size per axis (one value written applies to every axis).</param>
        public sealed record Spec(AdaptivePoolLayer Pool, string Display, Axes OutputSize) : LayerSpec(Pool, Display);

        /// <summary>Max pooling (else average pooling).</summary>
        public bool IsMax { get; }

        /// <summary>The number of spatial axes.</summary>
        public int Rank { get; }

        public override string Name => $"Adaptive{(IsMax ? "Max" : "Avg")}Pool{Rank}d";

        public override string FieldPrefix => IsMax ? "adaptivemaxpool" : "adaptiveavgpool";

        public override string Signature => Rank == 1 ? $"{Name}(outputSize)" : $"{Name}(outputSize) or {Name}(height, width)";

        public override string ShapeRule => Rank == 1
            ? "`C×L → C×out`; global pooling when out = 1"
            : "`C×H×W → C×oh×ow`; global pooling when the size is 1";

        protected override Spec ReadSpec(DeclaredArguments args)
        {
            int[] sizes = Rank == 1 ? new[] { args.Int(0, 0) } : args.IntArray(0);
            return new Spec(this, args.Display, sizes.Length == 1 ? Axes.Same(Rank, sizes[0]) : Axes.Of(sizes));
        }

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.OutputSize.Rank != Rank)
            {
                yield return $"{spec.Display}: give one output size or {Rank} (one per axis), got {spec.OutputSize.Rank}";
            }
            else if (spec.OutputSize.Any(v => v <= 0))
            {
                yield return $"{spec.Display}: the output size must be positive, got {spec.OutputSize}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) =>
            Window.CheckRank(spec.Display, Rank, context)
                ? new LayerOutcome(PoolLayer.ChannelsAnd(context.Input[0], spec.OutputSize.Values.ToArray()), LayerCounts.None, ChannelsFirst: true)
                : null;

        protected override string Factory(Spec spec, LayerPlan layer) =>
            // TorchSharp's AdaptiveMaxPool2d takes only an array; the others take a number or a tuple.
            $"{CSharp.Nn}.{Name}(output_size: {(IsMax ? spec.OutputSize.LongArray() : spec.OutputSize.Tuple())})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer)
        {
            if (IsMax)
            {
                yield return "indices";
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            if (!IsMax)
            {
                yield return $"{names.Output} = {Forward(layer, names.Input)};";
                yield break;
            }

            // The arg-max of each adaptive window, flat over the channel's positions, for the backward.
            yield return $"({names.Output}, {names.Saved("indices")}) = {CSharp.Nn}.functional.adaptive_max_pool{Rank}d_with_indices({names.Input}, {((Spec)layer.Spec).OutputSize.LongArray()});";
        }

        public override string BackwardFormula(LayerPlan layer) => IsMax
            ? "δ routed to each window's arg-max, overlapping windows adding up"
            : Rank == 1
                ? "y = x·Aᵀ with A the averaging matrix, so δ ← δ·A"
                : "y = A_h·x·A_wᵀ with the averaging matrices, so δ ← A_hᵀ·δ·A_w";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            if (IsMax)
            {
                yield return $"{names.Grad} = {BackwardRules.Gradients}.MaxPool({names.Input}, {names.Grad}, {names.Saved("indices")});";
                yield break;
            }

            string g = names.Grad;
            int n = layer.InputShape.Count;
            string Matrix(int axis) =>
                $"{BackwardRules.Gradients}.AdaptiveAverageMatrix({layer.InputShape[axis]}, {layer.OutputShape[axis]}, {g})";
            yield return Rank == 1
                ? $"{g} = {g}.matmul({Matrix(n - 1)});"
                : $"{g} = {Matrix(n - 2)}.t().matmul({g}).matmul({Matrix(n - 1)});";
        }
    }
}

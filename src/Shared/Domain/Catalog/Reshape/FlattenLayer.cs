using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Flatten: dimensions StartDim to EndDim into one (PyTorch's numbering, the batch is 0; by
    /// default every dimension but the batch, C×H×W → C·H·W). Negative dimensions count from the end.
    /// </summary>
    internal sealed partial class FlattenLayer : LayerEntry<FlattenLayer.Spec>
    {
        public static readonly FlattenLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="StartDim">The first dimension flattened (default 1, the first after the batch).</param>
        /// <param name="EndDim">The last dimension flattened (default −1, the last).</param>
        public sealed record Spec(string Display, int StartDim = 1, int EndDim = -1) : LayerSpec(Instance, Display);

        public override string Name => "Flatten";

        public override string FieldPrefix => "flatten";

        public override LayerTraits Traits => LayerTraits.Reshapes;

        public override string Signature => "Flatten(startDim = 1, endDim = -1)";

        public override string ShapeRule => "`C×H×W → C·H·W`; dimensions startDim…endDim (batch = 0) into one";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int(0, 1), args.Int(1, -1));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.StartDim == 0)
            {
                yield return $"{spec.Display}: StartDim = 0 would flatten the batch dimension into the features; start at 1 (the first dimension after the batch)";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            int rank = input.Count + 1;
            int start = spec.StartDim < 0 ? spec.StartDim + rank : spec.StartDim;
            int end = spec.EndDim < 0 ? spec.EndDim + rank : spec.EndDim;
            foreach ((int dim, int written, string name) in new[] { (start, spec.StartDim, "StartDim"), (end, spec.EndDim, "EndDim") })
            {
                if (dim < 1 || dim >= rank)
                {
                    return context.Fail(ProblemKind.InvalidArgument,
                        $"{spec.Display}: {context.Source}, whose dimensions after the batch are 1 to {rank - 1} (or −{rank - 1} to −1), so {name} = {written} is out of range");
                }
            }

            if (start > end)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: StartDim = {spec.StartDim} comes after EndDim = {spec.EndDim} for {Shape.Format(input)} ({context.Source}); swap them");
            }

            long elements = 1;
            for (int d = start; d <= end; d++)
            {
                elements = Numbers.SaturatingProduct(elements, input[d - 1]);
            }

            if (elements > int.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {context.Source}, which flattens to {Numbers.Format(elements)} features, more than a dimension can hold");
            }

            var output = new List<int>();
            for (int d = 1; d < start; d++)
            {
                output.Add(input[d - 1]);
            }

            output.Add((int)elements);
            for (int d = end + 1; d < rank; d++)
            {
                output.Add(input[d - 1]);
            }

            return new LayerOutcome(Shape.Of(output.ToArray()), LayerCounts.None);
        }

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Flatten(start_dim: {spec.StartDim}, end_dim: {spec.EndDim})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ ← δ reshaped to x's shape";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient)
            {
                yield return $"{names.Grad} = {names.Grad}.reshape({names.Input}.shape);";
            }
        }
    }
}

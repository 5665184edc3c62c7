using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// Unflatten: one dimension (PyTorch's numbering, the batch is 0) into several whose product is
    /// its size; one size may be −1 and is then inferred. The inverse of a partial Flatten.
    /// </summary>
    internal sealed partial class UnflattenLayer : LayerEntry<UnflattenLayer.Spec>
    {
        public static readonly UnflattenLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Dim">The dimension split (batch = 0; negative counts from the end).</param>
        /// <param name="Sizes">The sizes it is split into, outermost first.</param>
        public sealed record Spec(string Display, int Dim, EquatableArray<int> Sizes) : LayerSpec(Instance, Display);

        public override string Name => "Unflatten";

        public override string FieldPrefix => "unflatten";

        public override LayerTraits Traits => LayerTraits.Reshapes;

        public override string Signature => "Unflatten(dim, params sizes)";

        public override string ShapeRule => "`F → s1×s2×…` with `s1·s2·… = F` (one size may be −1, inferred)";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int(0, 0), new EquatableArray<int>(args.IntArray(1)));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.Dim == 0)
            {
                yield return $"{spec.Display}: dimension 0 is the batch; unflatten a dimension from 1 on";
            }

            if (spec.Sizes.Count == 0)
            {
                yield return $"{spec.Display}: give the sizes to unflatten into, e.g. Unflatten(1, 16, 4, 4)";
            }
            else if (spec.Sizes.Any(size => size == 0 || size < -1) || spec.Sizes.Count(size => size == -1) > 1)
            {
                yield return $"{spec.Display}: every size must be positive, with at most one −1 to infer, got ({string.Join(", ", spec.Sizes)})";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            int rank = input.Count + 1;
            int dim = spec.Dim < 0 ? spec.Dim + rank : spec.Dim;
            if (dim < 1 || dim >= rank)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {context.Source}, whose dimensions after the batch are 1 to {rank - 1} (or −{rank - 1} to −1), so dimension {spec.Dim} is out of range");
            }

            int size = input[dim - 1];
            long known = Numbers.SaturatingProduct(spec.Sizes.Where(s => s != -1).Select(s => (long)s).ToArray());
            int[] sizes = spec.Sizes.ToArray();
            int inferred = System.Array.IndexOf(sizes, -1);
            string written = string.Join("×", spec.Sizes.Select(s => s == -1 ? "?" : s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (inferred >= 0)
            {
                if (size % known != 0)
                {
                    return context.Fail(ProblemKind.InvalidArgument,
                        $"{spec.Display}: {context.Source}, but its dimension {spec.Dim} ({size}) is not a multiple of {Numbers.Format(known)}, the product of the sizes of {written} other than −1; give sizes whose product is {size}");
                }

                sizes[inferred] = (int)(size / known);
            }
            else if (known != size)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {context.Source}, but the sizes {written} multiply to {Numbers.Format(known)}, not the {size} of dimension {spec.Dim}; give sizes whose product is {size}");
            }

            var output = new List<int>();
            output.AddRange(input.Take(dim - 1));
            output.AddRange(sizes);
            output.AddRange(input.Skip(dim));

            // A map unflattened to C×H×W (or more) reads channels first, as a model input of that rank does.
            return new LayerOutcome(Shape.Of(output.ToArray()), LayerCounts.None, ChannelsFirst: output.Count >= 3 ? true : null);
        }

        // TorchSharp 0.107's Unflatten rejects a negative dim, so the emitted one counts from the batch.
        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.Unflatten(dim: {(spec.Dim < 0 ? spec.Dim + layer.InputShape.Count + 1 : spec.Dim)}, unflattened_size: new long[] {{ {string.Join(", ", spec.Sizes)} }})";

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

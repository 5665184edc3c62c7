using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>A layer above applied once more with the same weights: <c>[Reuse("fc1")]</c>.</summary>
    /// <param name="Entry">The entry: <see cref="ReuseEntry.Instance"/>.</param>
    /// <param name="Display">The attribute as written.</param>
    /// <param name="Layer">The name of the layer applied again.</param>
    internal sealed record ReuseSpec(LayerEntry Entry, string Display, string Layer) : LayerSpec(Entry, Display);

    /// <summary>
    /// Applies a layer declared above (in the same model or block) again, with its weights: the
    /// layer's shape rule runs on the new input, which must give the weights the size they were
    /// built for (MG0035). Its parameters and buffers count once, where the layer is declared, as
    /// PyTorch counts a module applied twice; its mult-adds count again. No field of its own.
    /// </summary>
    internal sealed partial class ReuseEntry : LayerEntry
    {
        public static readonly ReuseEntry Instance = new();

        private ReuseEntry()
        {
        }

        public override string Name => "Reuse";

        public override string FieldPrefix => "reuse";

        public override string Signature => "Reuse(layer)";

        public override string ShapeRule => "the reused layer's rule on the new input";

        public override bool OwnsModule => false;

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        public override LayerSpec Read(DeclaredArguments args) => new ReuseSpec(this, args.Display, args.String(0) ?? string.Empty);

        public override IEnumerable<string> Check(LayerSpec spec) => System.Linq.Enumerable.Empty<string>();

        public override LayerOutcome? Infer(LayerSpec spec, LayerContext context)
        {
            var reuse = (ReuseSpec)spec;
            LayerPlan? target = null;
            foreach (LayerPlan earlier in context.Earlier)
            {
                if (earlier.FieldName == reuse.Layer && earlier.Entry.OwnsModule)
                {
                    target = earlier;
                }
            }

            if (target is null)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{reuse.Display}: no layer above it is named \"{reuse.Layer}\"; give the layer to apply again a name (Name = \"{reuse.Layer}\") and reuse it below its declaration");
            }

            if (Shape.HasSymbolic(context.Input) && !target.Entry.AcceptsSymbolicLength(target.Spec, context.Input))
            {
                return context.Fail(ProblemKind.SymbolicLength,
                    $"{reuse.Display}: {target.Spec.Display} needs every input size known but {context.Source}; reduce the sequence first");
            }

            LayerOutcome? outcome = target.Entry.Infer(target.Spec, context.With(context.Input, context.ChannelsFirst));
            bool sameWeights = target.Topology is null ? outcome?.InFeatures == target.InFeatures : context.Input.Equals(target.InputShape);
            if (outcome is null)
            {
                return null;
            }

            if (!sameWeights)
            {
                return context.Fail(ProblemKind.SharedWeightsMismatch,
                    $"{reuse.Display}: {target.Spec.Display} was built for its input {context.Format(target.InputShape)} but {context.Source}; a layer applied twice keeps one set of weights, so give the second input the size of the first or declare a layer of its own");
            }

            return new LayerOutcome(outcome.OutputShape, new LayerCounts(0, 0, outcome.Counts.MultAdds, outcome.Counts.WeightMultAdds), outcome.InFeatures, outcome.ChannelsFirst)
            {
                Topology = new TopologyPlan(EquatableArray<BlockPlan>.Empty) { Reused = target },
            };
        }

        public override string FieldType(LayerPlan layer) => string.Empty;

        public override string Factory(LayerPlan layer) => string.Empty;

        public override string Forward(LayerPlan layer, string input) =>
            layer.Topology?.Reused is LayerPlan target
                ? target.Entry.Forward(target, input)
                : $"{((ReuseSpec)layer.Spec).Layer}.forward({input})"; // a block's class is written before any use gives shapes
    }

    /// <summary>A restart of the shapes in a model with a hand-written forward: <c>[Segment(8, 128)]</c>.</summary>
    /// <param name="Entry">The entry: <see cref="SegmentEntry.Instance"/>.</param>
    /// <param name="Display">The attribute as written.</param>
    /// <param name="Shape">The per-sample shape the layers below it receive.</param>
    /// <param name="TokenIds">Whether that input is token ids.</param>
    internal sealed record SegmentSpec(LayerEntry Entry, string Display, EquatableArray<int> Shape, bool TokenIds) : LayerSpec(Entry, Display);

    /// <summary>
    /// In a model whose forward is written by hand, the layers are inferred in order from the
    /// model's input like a stack, and a <c>[Segment(…)]</c> gives the input shape of the layers
    /// below it (a decoder's input, a concatenation the forward builds): shape inference then
    /// covers every declared layer however the forward combines them.
    /// </summary>
    internal sealed class SegmentEntry : LayerEntry
    {
        public static readonly SegmentEntry Instance = new();

        private SegmentEntry()
        {
        }

        public override string Name => "Segment";

        public override string FieldPrefix => "segment";

        public override string Signature => "Segment(shape…, Input = InputKind.Float)";

        public override string ShapeRule => "any input → the declared shape (hand-written forward only)";

        public override bool OwnsModule => false;

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        public override LayerSpec Read(DeclaredArguments args) =>
            new SegmentSpec(this, args.Display, new EquatableArray<int>(args.IntArray(0)), args.Int("Input", 0) == 1);

        public override IEnumerable<string> Check(LayerSpec spec)
        {
            var segment = (SegmentSpec)spec;
            if (segment.Shape.Count == 0)
            {
                yield return $"{segment.Display}: a segment needs the per-sample shape its layers receive, e.g. [Segment(8, 128)]";
            }

            foreach (int d in segment.Shape)
            {
                if (d <= 0)
                {
                    yield return $"{segment.Display}: every dimension must be positive, got {d}";
                    break;
                }
            }

            if (segment.TokenIds && segment.Shape.Count != 1)
            {
                yield return $"{segment.Display}: token ids are one per position, so the shape is the length alone, e.g. [Segment(8, Input = InputKind.TokenIds)]";
            }
        }

        public override LayerOutcome? Infer(LayerSpec spec, LayerContext context)
        {
            var segment = (SegmentSpec)spec;
            return new LayerOutcome(segment.Shape, LayerCounts.None, 0, segment.Shape.Count >= 3);
        }

        public override string FieldType(LayerPlan layer) => string.Empty;

        public override string Factory(LayerPlan layer) => string.Empty;

        public override string Forward(LayerPlan layer, string input) => input;
    }
}

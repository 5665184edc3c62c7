using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Maxout: the maximum over <c>pieces</c> adjacent values of one dimension, which shrinks by
    /// that factor. The pieced dimension is the features of a flat input (F → F/k), the channels
    /// of a channels-first map (C×H×W → C/k×H×W, as PyTorch puts channels in dimension 1), and the
    /// features of each position of a sequence (L×F → L×F/k). Output j is the maximum of inputs
    /// j·k … j·k + k − 1. Put it after a Linear or Conv2d with k times the outputs: that layer
    /// holds the k linear pieces. TorchSharp has no such module, so the runtime's
    /// <c>ModelGen.Layers.Maxout</c> is created.
    /// </summary>
    internal sealed partial class MaxoutLayer : LayerEntry<MaxoutLayer.Spec>
    {
        public static readonly MaxoutLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Pieces">The number k of values each output is the maximum of.</param>
        public sealed record Spec(string Display, int Pieces) : LayerSpec(Instance, Display);

        public override string Name => "Maxout";

        public override string FieldPrefix => "maxout";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "Maxout(pieces)";

        public override string Module => "ModelGen.Layers.Maxout";

        public override string ShapeRule => "`F → F/k`, `C×H×W → C/k×H×W`, `L×F → L×F/k`; output `j` = max of inputs `j·k … j·k + k − 1`; `k` must divide the pieced size";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int(0, 0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.Pieces <= 0)
            {
                yield return $"{spec.Display}: the number of pieces must be positive, got {spec.Pieces}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            int dimension = PiecedDimension(input, context.ChannelsFirst);
            string what = input.Count == 1 ? "features" : dimension == 0 ? "channels" : "features per position";
            int size = input[dimension];
            if (size % spec.Pieces != 0)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {spec.Pieces} pieces do not divide {size} {what} ({context.Source}); give the layer above a multiple of {spec.Pieces} outputs");
            }

            var output = new List<int>(input) { [dimension] = size / spec.Pieces };
            // The rank is kept, so the plan's ChannelsFirst (the input's) tells Factory which dimension was pieced.
            return new LayerOutcome(new EquatableArray<int>(output), LayerCounts.None);
        }

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.Maxout";

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"new global::ModelGen.Layers.Maxout(pieces: {spec.Pieces}, dim: {PiecedDimension(layer.InputShape, layer.ChannelsFirst) + 1})";

        /// <summary>The pieced dimension of a sample (0-based, batch excluded).</summary>
        private static int PiecedDimension(EquatableArray<int> input, bool channelsFirst) =>
            input.Count == 1 || channelsFirst ? 0 : input.Count - 1;

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ to each output's winning piece (shared evenly among ties, as amax): δ ← δ ⊙ 1[x = y]/#ties";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient)
            {
                int dim = PiecedDimension(layer.InputShape, layer.ChannelsFirst) + 1;
                yield return $"{names.Grad} = {BackwardRules.Gradients}.Maxout({names.Input}, {names.Grad}, {names.Output}, pieces: {((Spec)layer.Spec).Pieces}, dim: {dim});";
            }
        }
    }
}

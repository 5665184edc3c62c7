namespace ModelGen.Domain
{
    /// <summary>
    /// PositionalEncoding: adds the sinusoidal table of "Attention is all you need" to an L×D
    /// sequence, PE(pos, 2i) = sin(pos / 10000^(2i/D)), PE(pos, 2i + 1) = cos(pos / 10000^(2i/D)).
    /// Nothing is learned and nothing is stored (the table is computed for the batch's length), so
    /// the length may be symbolic. Not in TorchSharp: a runtime module,
    /// <c>ModelGen.Layers.PositionalEncoding</c>.
    /// </summary>
    internal sealed partial class PositionalEncodingLayer : LayerEntry<PositionalEncodingLayer.Spec>
    {
        public static readonly PositionalEncodingLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        public sealed record Spec(string Display) : LayerSpec(Instance, Display);

        public override string Name => "PositionalEncoding";

        public override string FieldPrefix => "posenc";

        public override string Signature => "PositionalEncoding";

        public override string Module => "ModelGen.Layers.PositionalEncoding (runtime)";

        public override string ShapeRule => "unchanged `L×D`; adds PE(pos, 2i) = sin(pos/10000^(2i/D)), PE(pos, 2i+1) = cos(pos/10000^(2i/D))";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            if (context.Input.Count != 2 || context.ChannelsFirst)
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs an L×D sequence but {context.Source}");
            }

            return new LayerOutcome(context.Input, LayerCounts.None, ChannelsFirst: false);
        }

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.PositionalEncoding";

        protected override string Factory(Spec spec, LayerPlan layer) => "new global::ModelGen.Layers.PositionalEncoding()";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "y = x + PE, the table a constant: δ unchanged";
    }
}

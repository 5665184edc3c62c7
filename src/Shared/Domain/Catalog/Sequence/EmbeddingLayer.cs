using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Embedding: a learned table of <c>numEmbeddings</c> vectors of size <c>embeddingDim</c>;
    /// each token id (int64) picks its row, so L ids become an L×D sequence. The only kind that
    /// takes token ids, and the first layer of every model declared with token-id input.
    /// </summary>
    internal sealed partial class EmbeddingLayer : LayerEntry<EmbeddingLayer.Spec>
    {
        public static readonly EmbeddingLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NumEmbeddings">The vocabulary size: ids run from 0 to numEmbeddings − 1.</param>
        /// <param name="EmbeddingDim">The size of each vector.</param>
        /// <param name="PaddingIdx">The id whose vector stays zero and gets no gradient, as declared (negative counts from the end), or null.</param>
        public sealed record Spec(string Display, int NumEmbeddings, int EmbeddingDim, int? PaddingIdx) : LayerSpec(Instance, Display);

        public override string Name => "Embedding";

        public override string FieldPrefix => "embedding";

        public override string Signature => "Embedding(numEmbeddings, embeddingDim, PaddingIdx = none)";

        public override string ShapeRule => "token ids `L → L×embeddingDim` (input must be token ids: `[Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]`)";

        public override string ParameterRule => "`numEmbeddings·embeddingDim`";

        public override bool TakesTokenIds => true;

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        protected override Spec ReadSpec(DeclaredArguments args) =>
            new(args.Display, args.Int(0, 0), args.Int(1, 0), args.Has("PaddingIdx") ? args.Int("PaddingIdx", 0) : null);

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NumEmbeddings <= 0)
            {
                yield return $"{spec.Display}: the number of embeddings (the vocabulary size) must be positive, got {spec.NumEmbeddings}";
            }

            if (spec.EmbeddingDim <= 0)
            {
                yield return $"{spec.Display}: the embedding dimension must be positive, got {spec.EmbeddingDim}";
            }

            if (spec.PaddingIdx is int padding && spec.NumEmbeddings > 0 && (padding < -spec.NumEmbeddings || padding >= spec.NumEmbeddings))
            {
                yield return $"{spec.Display}: PaddingIdx must be a token id in [{-spec.NumEmbeddings}, {spec.NumEmbeddings - 1}], got {padding}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 1)
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs a sequence of token ids L but {context.Source}");
            }

            long table = Numbers.SaturatingProduct(spec.NumEmbeddings, spec.EmbeddingDim);
            if (table == long.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display} needs more weights than a 64-bit count can hold");
            }

            // torchinfo: a layer with parameters that is neither a convolution nor a linear map counts its parameters.
            return new LayerOutcome(Shape.Of(input[0], spec.EmbeddingDim), LayerCounts.Elementwise(table), ChannelsFirst: false);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            // PyTorch counts a negative padding index from the end; the generated call names the row.
            string padding = spec.PaddingIdx is int p ? $", padding_idx: {(p < 0 ? p + spec.NumEmbeddings : p)}" : string.Empty;
            return $"{CSharp.Nn}.Embedding(num_embeddings: {spec.NumEmbeddings}, embedding_dims: {spec.EmbeddingDim}{padding})";
        }

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => $"{spec.NumEmbeddings}·{spec.EmbeddingDim}";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).PaddingIdx is null
            ? "∂E[i] = Σ δ at the positions holding id i (rows accumulate)"
            : "∂E[i] = Σ δ at the positions holding id i (rows accumulate), 0 for the padding row";

        /// <summary>Each output row is the row of <c>weight</c> its token id names: a following recurrent layer may multiply the table instead.</summary>
        public override string? LookupTable(LayerPlan layer) => "weight";

        public override string BackwardFormula(LayerPlan layer, BackwardNames names) => names.GradPerTableRow
            ? (((Spec)layer.Spec).PaddingIdx is null
                ? "∂E = δ, summed per id by the layer above, which multiplied the table"
                : "∂E = δ, summed per id by the layer above, which multiplied the table; 0 for the padding row")
            : BackwardFormula(layer);

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string dE = $"dE{names.Index}";
            yield return names.GradPerTableRow
                ? $"var {dE} = {names.Grad};"
                : $"var {dE} = global::TorchSharp.torch.zeros_like({names.Parameter("weight")}).index_add_(0, {names.Input}.flatten(), {names.Grad}.reshape(-1, {spec.EmbeddingDim}), 1);";
            if (spec.PaddingIdx is int p)
            {
                yield return $"{dE}.narrow(0, {(p < 0 ? p + spec.NumEmbeddings : p)}, 1).zero_();";
            }

            yield return names.SetGradient("weight", dE);
        }
    }
}

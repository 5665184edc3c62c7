using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// TransformerEncoderLayer on an L×E sequence (E = d_model, inferred): self-attention and a
    /// feed-forward block E → DimFeedforward → E, each with a residual sum and a LayerNorm (after
    /// the sum, or before the block with <c>NormFirst</c>). PyTorch's module and parameter names
    /// (self_attn, linear1, linear2, norm1, norm2); TorchSharp 0.107's own module has neither
    /// batch_first nor norm_first, so the runtime's <c>ModelGen.Layers.TransformerEncoderLayer</c>
    /// builds it from TorchSharp's parts.
    /// </summary>
    internal sealed partial class TransformerEncoderLayerEntry : LayerEntry<TransformerEncoderLayerEntry.Spec>
    {
        public static readonly TransformerEncoderLayerEntry Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NHead">Attention heads; must divide d_model.</param>
        /// <param name="DimFeedforward">The hidden size of the feed-forward block.</param>
        /// <param name="Dropout">Dropout after attention, inside and after the feed-forward block, in training.</param>
        /// <param name="Activation">The feed-forward activation: 0 for ReLU, 1 for GELU.</param>
        /// <param name="NormFirst">Whether each LayerNorm comes before its block (pre-norm) rather than after the residual sum.</param>
        public sealed record Spec(string Display, int NHead, int DimFeedforward, double Dropout, int Activation, bool NormFirst) : LayerSpec(Instance, Display);

        public override string Name => "TransformerEncoderLayer";

        public override string FieldPrefix => "encoder";

        public override string Signature => "TransformerEncoderLayer(nhead, DimFeedforward = 2048, Dropout = 0.1, Activation = TransformerActivation.ReLU, NormFirst = false)";

        public override string Module => "ModelGen.Layers.TransformerEncoderLayer (runtime; batch first)";

        public override string ShapeRule => "`L×E → L×E` (d_model E inferred; nhead must divide E)";

        public override string ParameterRule => "`4·E·E + 4·E` (attention) `+ 2·E·F + F + E` (feed-forward) `+ 4·E` (two LayerNorms)";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            args.Display,
            args.Int(0, 0),
            args.Int("DimFeedforward", 2048),
            args.Double("Dropout", 0.1),
            args.Int("Activation", 0),
            args.Bool("NormFirst", false));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NHead <= 0)
            {
                yield return $"{spec.Display}: nhead must be positive, got {spec.NHead}";
            }

            if (spec.DimFeedforward <= 0)
            {
                yield return $"{spec.Display}: DimFeedforward must be positive, got {spec.DimFeedforward}";
            }

            if (!(spec.Dropout >= 0 && spec.Dropout < 1))
            {
                yield return $"{spec.Display}: Dropout must be in [0, 1), got {Numbers.Format(spec.Dropout)}";
            }

            if (spec.Activation is not (0 or 1))
            {
                yield return $"{spec.Display}: Activation must be TransformerActivation.ReLU or TransformerActivation.GELU, got {spec.Activation}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 2 || context.ChannelsFirst)
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs an L×E sequence (batch first) but {context.Source}");
            }

            int e = input[1];
            if (!Attention.CheckHeads(spec.Display, spec.NHead, e, context))
            {
                return null;
            }

            long attentionWeights = Numbers.SaturatingProduct(4, e, e);
            long feedForwardWeights = Numbers.SaturatingProduct(2, e, spec.DimFeedforward);
            long weights = Numbers.SaturatingSum(attentionWeights, feedForwardWeights);
            long parameters = Numbers.SaturatingSum(weights, 9L * e, spec.DimFeedforward);
            if (parameters == long.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            return new LayerOutcome(input, Attention.Counts(parameters, weights, input[0]), e, ChannelsFirst: false);
        }

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.TransformerEncoderLayer";

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"new global::ModelGen.Layers.TransformerEncoderLayer(dModel: {layer.InFeatures}, nhead: {spec.NHead}, dimFeedforward: {spec.DimFeedforward}, " +
            $"dropout: {CSharp.Literal(spec.Dropout)}, activation: global::ModelGen.TransformerActivation.{(spec.Activation == 1 ? "GELU" : "ReLU")}, normFirst: {CSharp.Literal(spec.NormFirst)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer)
        {
            int e = layer.InFeatures;
            return $"4·{e}·{e} + 4·{e} + 2·{e}·{spec.DimFeedforward} + {spec.DimFeedforward} + {e} + 4·{e}";
        }
    }
}

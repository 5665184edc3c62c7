using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// MultiheadAttention as self-attention: query, key and value are the layer's input, an L×E
    /// sequence, and E (the embedding size) comes from the layer above. Parameters as PyTorch
    /// keeps them: in_proj_weight 3E×E and in_proj_bias 3E, out_proj E×E + E. TorchSharp's module
    /// is sequence first (L×N×E) and returns (output, weights): the forward transposes in and out
    /// and keeps the output.
    /// </summary>
    internal sealed partial class MultiheadAttentionLayer : LayerEntry<MultiheadAttentionLayer.Spec>
    {
        public static readonly MultiheadAttentionLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NumHeads">Heads; each attends over E / heads dimensions, so it must divide E.</param>
        /// <param name="Dropout">Dropout on the attention weights, in training.</param>
        /// <param name="Bias">Whether the input and output projections learn biases.</param>
        public sealed record Spec(string Display, int NumHeads, double Dropout, bool Bias) : LayerSpec(Instance, Display);

        public override string Name => "MultiheadAttention";

        public override string FieldPrefix => "attention";

        public override string Signature => "MultiheadAttention(numHeads, Dropout = 0, Bias = true)";

        public override string Module => "nn.MultiheadAttention (self-attention)";

        public override string ShapeRule => "`L×E → L×E` (E inferred; heads must divide E)";

        public override string ParameterRule => "`4·E·E + 4·E`";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        protected override Spec ReadSpec(DeclaredArguments args) =>
            new(args.Display, args.Int(0, 0), args.Double("Dropout", 0), args.Bool("Bias", true));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NumHeads <= 0)
            {
                yield return $"{spec.Display}: the number of heads must be positive, got {spec.NumHeads}";
            }

            if (!(spec.Dropout >= 0 && spec.Dropout < 1))
            {
                yield return $"{spec.Display}: Dropout must be in [0, 1), got {Numbers.Format(spec.Dropout)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 2 || context.ChannelsFirst)
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs an L×E sequence (batch first) but {context.Source}");
            }

            int embedding = input[1];
            if (!Attention.CheckHeads(spec.Display, spec.NumHeads, embedding, context))
            {
                return null;
            }

            long weights = Numbers.SaturatingProduct(4, embedding, embedding);
            long parameters = Numbers.SaturatingSum(weights, spec.Bias ? 4L * embedding : 0);
            return new LayerOutcome(input, Attention.Counts(parameters, weights, input[0]), embedding, ChannelsFirst: false);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.MultiheadAttention(embedded_dim: {layer.InFeatures}, num_heads: {spec.NumHeads}, dropout: {CSharp.Literal(spec.Dropout)}, bias: {CSharp.Literal(spec.Bias)})";

        public override string Forward(LayerPlan layer, string input)
        {
            string sequenceFirst = $"{input}.transpose(0, 1)";
            return $"{layer.FieldName}.forward({sequenceFirst}, {sequenceFirst}, {sequenceFirst}, null, false, null).Item1.transpose(0, 1)";
        }

        protected override string ParameterFormula(Spec spec, LayerPlan layer) =>
            spec.Bias ? $"4·{layer.InFeatures}·{layer.InFeatures} + 4·{layer.InFeatures}" : $"4·{layer.InFeatures}·{layer.InFeatures}";
    }

    /// <summary>What the attention kinds share: the heads rule and the counts.</summary>
    internal static class Attention
    {
        /// <summary>Reports and returns false unless <paramref name="heads"/> divides <paramref name="embedding"/>.</summary>
        public static bool CheckHeads(string display, int heads, int embedding, LayerContext context)
        {
            if (embedding % heads == 0)
            {
                return true;
            }

            var divisors = new List<int>();
            for (int d = 1; d <= embedding && divisors.Count < 8; d++)
            {
                if (embedding % d == 0)
                {
                    divisors.Add(d);
                }
            }

            context.Report(ProblemKind.InvalidArgument,
                $"{display}: {heads} heads do not divide the embedding size {embedding} ({context.Source}); each head takes E / heads dimensions, so pick a divisor of {embedding} such as {string.Join(", ", divisors)}");
            return false;
        }

        /// <summary>
        /// Every projection is applied at every position (torchinfo's row rule), so mult-adds are
        /// parameters × L and weight mult-adds the projection weights × L; the L·L·E products of
        /// the scores are not counted, as in torchinfo.
        /// </summary>
        public static LayerCounts Counts(long parameters, long weights, int length)
        {
            long positions = length == Shape.Symbolic ? 1 : length;
            return new LayerCounts(parameters, 0, Numbers.SaturatingProduct(parameters, positions), Numbers.SaturatingProduct(weights, positions));
        }
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class TransformerEncoderLayerEntry
    {
        /// <summary>
        /// The runtime layer's forward in evaluation mode (dropout is the identity), its submodules'
        /// weights under their PyTorch names (<c>encoder1.self_attn.in_proj_weight</c>,
        /// <c>encoder1.linear1.weight</c>, <c>encoder1.norm1.weight</c>):
        /// post-norm x = LN1(x + SA(x)), x = LN2(x + FF(x)); pre-norm (<c>NormFirst</c>)
        /// x = x + SA(LN1(x)), x = x + FF(LN2(x)). SA is
        /// <see cref="MultiheadAttentionLayer.SelfAttention"/>, FF linear2(act(linear1(x))) as
        /// <c>MatMul</c> + <c>Add</c> with <c>Relu</c> or exact <c>Gelu</c>, LN
        /// <c>LayerNormalization</c> over the features with ε = 1e−5 (TorchSharp's default).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int e = layer.InFeatures;
            if (e <= 0 || e % spec.NHead != 0)
            {
                return null;
            }

            using (graph.Nest(layer.FieldName, graph.Scope))
            {
                string x = input;
                if (spec.NormFirst)
                {
                    x = Add(graph, x, SelfAttention(graph, Norm(graph, x, "norm1"), spec, e), "residual1");
                    return Add(graph, x, FeedForward(graph, Norm(graph, x, "norm2"), spec), "residual2", last: true);
                }

                x = Norm(graph, Add(graph, x, SelfAttention(graph, x, spec, e), "residual1"), "norm1");
                return Norm(graph, Add(graph, x, FeedForward(graph, x, spec), "residual2"), "norm2", last: true);
            }
        }

        private static string SelfAttention(OnnxGraph graph, string x, Spec spec, int e)
        {
            graph.Scope = graph.ScopePrefix + "self_attn";
            return MultiheadAttentionLayer.SelfAttention(graph, x, "self_attn", e, spec.NHead, bias: true, last: false);
        }

        private static string FeedForward(OnnxGraph graph, string x, Spec spec)
        {
            string hidden = Linear(graph, x, "linear1");
            graph.Scope = graph.ScopePrefix + "activation";
            hidden = spec.Activation == 1
                ? graph.Step("Gelu", new[] { hidden }, OnnxAttribute.String("approximate", "none"))
                : graph.Step("Relu", new[] { hidden });
            return Linear(graph, hidden, "linear2");
        }

        /// <summary>x·Wᵀ + b on the N×L×E sequence (MatMul is batched; Gemm is 2-D only).</summary>
        private static string Linear(OnnxGraph graph, string x, string field)
        {
            graph.Scope = graph.ScopePrefix + field;
            string weight = graph.Step("Transpose", new[] { graph.Weight(field + ".weight") }, OnnxMap.Ints("perm", 1, 0));
            return graph.Step("Add", new[] { graph.Step("MatMul", new[] { x, weight }), graph.Weight(field + ".bias") });
        }

        private static string Norm(OnnxGraph graph, string x, string field, bool last = false)
        {
            graph.Scope = graph.ScopePrefix + field;
            return graph.Node(
                "LayerNormalization",
                new[] { x, graph.Weight(field + ".weight"), graph.Weight(field + ".bias") },
                last,
                OnnxMap.Int("axis", -1),
                OnnxMap.Float("epsilon", 1e-5));
        }

        private static string Add(OnnxGraph graph, string x, string y, string name, bool last = false)
        {
            graph.Scope = graph.ScopePrefix + name;
            return graph.Node("Add", new[] { x, y }, last);
        }
    }
}

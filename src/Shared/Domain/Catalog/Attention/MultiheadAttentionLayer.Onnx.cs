namespace ModelGen.Domain
{
    internal sealed partial class MultiheadAttentionLayer
    {
        /// <summary>
        /// Self-attention in evaluation mode from opset-22 primitives (<see cref="SelfAttention"/>):
        /// no mask, no attention dropout, batch first, as the generated forward calls it.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            layer.InFeatures > 0 && layer.InFeatures % spec.NumHeads == 0
                ? SelfAttention(graph, input, layer.FieldName, layer.InFeatures, spec.NumHeads, spec.Bias, last: true)
                : null;

        /// <summary>
        /// PyTorch's <c>multi_head_attention_forward</c> on an N×L×E batch with query = key = value = x
        /// and no mask: Q|K|V = x·in_proj_weightᵀ + in_proj_bias (one <c>MatMul</c>, the weight
        /// through a <c>Transpose</c> node so the initializer keeps its state_dict name), <c>Split</c>
        /// into three along the features; each reshaped to N×L×H×d (d = E/H, 0 copies N and the
        /// symbolic L) and transposed to N×H×L×d (K to N×H×d×L); softmax(Q/√d · Kᵀ) over the last
        /// axis, times V; heads merged back to N×L×E; then out_proj (x·Wᵀ + b).
        /// </summary>
        /// <param name="graph">The graph, its scope set to the attention's.</param>
        /// <param name="input">The N×L×E input.</param>
        /// <param name="module">The attention module's field under the current key prefix: <c>attention1</c>, <c>self_attn</c>.</param>
        /// <param name="embedding">E.</param>
        /// <param name="heads">H, which divides E.</param>
        /// <param name="bias">Whether the projections have biases (in_proj_bias, out_proj.bias).</param>
        /// <param name="last">Whether the output is the layer's result (named after the layer).</param>
        internal static string SelfAttention(OnnxGraph graph, string input, string module, int embedding, int heads, bool bias, bool last)
        {
            int d = embedding / heads;
            string inWeight = graph.Step("Transpose", new[] { graph.Weight(module + ".in_proj_weight") }, OnnxMap.Ints("perm", 1, 0));
            string projected = graph.Step("MatMul", new[] { input, inWeight });
            if (bias)
            {
                projected = graph.Step("Add", new[] { projected, graph.Weight(module + ".in_proj_bias") });
            }

            string[] qkv = graph.Multi("Split", new[] { projected }, 3, OnnxMap.Int("axis", -1), OnnxMap.Int("num_outputs", 3));
            string split = graph.Int64s("heads_shape", 0, 0, heads, d);
            string q = graph.Step("Transpose", new[] { graph.Step("Reshape", new[] { qkv[0], split }) }, OnnxMap.Ints("perm", 0, 2, 1, 3));
            string k = graph.Step("Transpose", new[] { graph.Step("Reshape", new[] { qkv[1], split }) }, OnnxMap.Ints("perm", 0, 2, 3, 1));
            string v = graph.Step("Transpose", new[] { graph.Step("Reshape", new[] { qkv[2], split }) }, OnnxMap.Ints("perm", 0, 2, 1, 3));

            // PyTorch scales Q by 1/√d before the product.
            string scaled = graph.Step("Mul", new[] { q, graph.Scalar("scale", 1 / System.Math.Sqrt(d)) });
            string weights = graph.Step("Softmax", new[] { graph.Step("MatMul", new[] { scaled, k }) }, OnnxMap.Int("axis", -1));
            string context = graph.Step("Transpose", new[] { graph.Step("MatMul", new[] { weights, v }) }, OnnxMap.Ints("perm", 0, 2, 1, 3));
            string merged = graph.Step("Reshape", new[] { context, graph.Int64s("merged_shape", 0, 0, embedding) });

            string outWeight = graph.Step("Transpose", new[] { graph.Weight(module + ".out_proj.weight") }, OnnxMap.Ints("perm", 1, 0));
            if (!bias)
            {
                return graph.Node("MatMul", new[] { merged, outWeight }, last);
            }

            string output = graph.Step("MatMul", new[] { merged, outWeight });
            return graph.Node("Add", new[] { output, graph.Weight(module + ".out_proj.bias") }, last);
        }
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class LinearLayer
    {
        /// <summary>
        /// Flat features (N×F): <c>Gemm(x, W, b, transB = 1)</c>. On a sequence or any N×…×F input Gemm
        /// (2-D only) does not apply: <c>MatMul(x, Wᵀ)</c> with the weight stored transposed
        /// (in×out), then <c>Add(b)</c>.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            string weight = layer.InputShape.Count == 1
                ? graph.Weight(layer.FieldName + ".weight")
                : graph.Weight("weight_t", new[] { layer.FieldName + ".weight" }, transpose: true, dims: new long[] { layer.InFeatures, spec.OutFeatures });
            string? bias = spec.Bias ? graph.Weight(layer.FieldName + ".bias") : null;
            if (layer.InputShape.Count == 1)
            {
                return graph.Last("Gemm", OnnxMap.Inputs(input, weight, bias), OnnxMap.Int("transB", 1));
            }

            if (bias is null)
            {
                return graph.Last("MatMul", new[] { input, weight });
            }

            string product = graph.Step("MatMul", new[] { input, weight });
            return graph.Last("Add", new[] { product, bias });
        }
    }
}

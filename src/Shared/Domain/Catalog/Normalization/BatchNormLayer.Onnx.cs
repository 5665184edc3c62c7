namespace ModelGen.Domain
{
    internal sealed partial class BatchNormLayer
    {
        /// <summary>
        /// <c>BatchNormalization</c> in inference mode over the running statistics:
        /// (x, weight, bias, running_mean, running_var), <c>epsilon</c>, and <c>momentum</c> = 1 − PyTorch's
        /// (ONNX weighs the running value, PyTorch the new one; it matters only in training).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            string field = layer.FieldName;
            return graph.Last(
                "BatchNormalization",
                new[] { input, graph.Weight(field + ".weight"), graph.Weight(field + ".bias"), graph.Weight(field + ".running_mean"), graph.Weight(field + ".running_var") },
                OnnxMap.Float("epsilon", spec.Eps),
                OnnxMap.Float("momentum", 1 - spec.Momentum));
        }
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class FlattenLayer
    {
        /// <summary>
        /// Everything after the batch into one dimension: <c>Flatten(axis = 1)</c>. ONNX's Flatten
        /// always makes a 2-D tensor, so any other StartDim/EndDim is a <c>Reshape</c> to the
        /// inferred shape (batch copied).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            layer.OutputShape.Count == 1
                ? graph.Last("Flatten", new[] { input }, OnnxMap.Int("axis", 1))
                : graph.ReshapeTo(input, layer.OutputShape, last: true);
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class UnflattenLayer
    {
        /// <summary><c>Reshape</c> to the inferred shape (batch copied, a symbolic length inferred).</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.ReshapeTo(input, layer.OutputShape, last: true);
    }
}

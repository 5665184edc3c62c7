namespace ModelGen.Domain
{
    internal sealed partial class LeakyReLULayer
    {
        /// <summary><c>LeakyRelu</c> with <c>alpha</c> = the negative slope (ONNX's default is 0.01, PyTorch's too, but it is written).</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last("LeakyRelu", new[] { input }, OnnxMap.Float("alpha", spec.NegativeSlope));
    }
}

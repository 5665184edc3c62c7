namespace ModelGen.Domain
{
    internal sealed partial class AlphaDropoutLayer
    {
        /// <summary>Evaluation mode: the identity (<c>Identity</c>), as PyTorch's eval forward.</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) => graph.Last("Identity", new[] { input });
    }
}

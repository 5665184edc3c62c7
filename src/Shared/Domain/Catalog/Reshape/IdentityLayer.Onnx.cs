namespace ModelGen.Domain
{
    internal sealed partial class IdentityLayer
    {
        /// <summary><c>Identity</c>.</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) => graph.Last("Identity", new[] { input });
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class HardtanhLayer
    {
        /// <summary><c>Clip(x, min, max)</c>, the bounds as scalar inputs (attributes before opset 11).</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last("Clip", new[] { input, graph.Scalar("min", spec.MinVal), graph.Scalar("max", spec.MaxVal) });
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class ELULayer
    {
        /// <summary><c>Elu</c> with <c>alpha</c>.</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last("Elu", new[] { input }, OnnxMap.Float("alpha", spec.Alpha));
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class GELULayer
    {
        /// <summary><c>Gelu</c> (an operator from opset 20 on) with <c>approximate</c> = <c>none</c> or <c>tanh</c>.</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last("Gelu", new[] { input }, OnnxAttribute.String("approximate", spec.Approximate == Tanh ? "tanh" : "none"));
    }
}

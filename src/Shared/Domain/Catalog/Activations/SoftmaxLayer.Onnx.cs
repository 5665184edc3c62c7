namespace ModelGen.Domain
{
    internal sealed partial class SoftmaxLayer
    {
        /// <summary>
        /// <c>Softmax</c> / <c>LogSoftmax</c> with <c>axis</c> = Dim, counted on the batched tensor as
        /// PyTorch counts it. From opset 13 the operator works along that one axis; before it, it
        /// flattened the input to 2-D at the axis, which differs on N×C×H×W.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last(Name, new[] { input }, OnnxMap.Int("axis", spec.Dim));
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class ZeroPad2dLayer
    {
        /// <summary>
        /// <c>Pad</c> (constant 0) with pads for every axis of the batched tensor, begins then ends:
        /// [0, 0, top, left, 0, 0, bottom, right] for N×C×H×W (PyTorch writes left, right, top, bottom).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            (int left, int right, int top, int bottom) = spec.Sides;
            int rank = layer.InputShape.Count + 1;
            var pads = new long[2 * rank];
            pads[rank - 2] = top;
            pads[rank - 1] = left;
            pads[(2 * rank) - 2] = bottom;
            pads[(2 * rank) - 1] = right;
            return graph.Last("Pad", new[] { input, graph.Int64s("pads", pads) }, OnnxAttribute.String("mode", "constant"));
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    internal sealed partial class MaxoutLayer
    {
        /// <summary>
        /// The pieced dimension d of size k·m reshaped to m×k (Reshape), then <c>ReduceMax</c> over the
        /// pieces (axes as an input from opset 18, keepdims = 0).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int dim = PiecedDimension(layer.InputShape, layer.ChannelsFirst);
            var pieced = new List<int>(layer.InputShape);
            pieced[dim] = layer.OutputShape[dim];
            pieced.Insert(dim + 1, spec.Pieces);
            string grouped = graph.ReshapeTo(input, new EquatableArray<int>(pieced.ToArray()), last: false);
            return graph.Last("ReduceMax", new[] { grouped, graph.Int64s("axes", dim + 2) }, OnnxMap.Int("keepdims", 0));
        }
    }
}

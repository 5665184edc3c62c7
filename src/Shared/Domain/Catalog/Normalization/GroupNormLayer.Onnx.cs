using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class GroupNormLayer
    {
        /// <summary>
        /// Reshape N×C×… to N×G×(rest), <c>InstanceNormalization</c> with unit scale and zero bias
        /// per group, Reshape back, then the per-channel affine (<c>Mul</c>, <c>Add</c> with C×1×…
        /// weights). Written out rather than as <c>GroupNormalization</c>, whose opset-18 form scales
        /// per group and whose opset-21 form not every runtime has.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int groups = spec.NumGroups;
            string grouped = graph.Step("Reshape", new[] { input, graph.Int64s("grouped_shape", 0, groups, -1) });
            string ones = graph.Floats("ones", new long[] { groups }, Enumerable.Repeat(1.0, groups).ToArray());
            string zeros = graph.Floats("zeros", new long[] { groups }, Enumerable.Repeat(0.0, groups).ToArray());
            string normalized = graph.Step("InstanceNormalization", new[] { grouped, ones, zeros }, OnnxMap.Float("epsilon", spec.Eps));
            if (!spec.Affine)
            {
                return graph.ReshapeTo(normalized, layer.OutputShape, last: true);
            }

            string back = graph.ReshapeTo(normalized, layer.OutputShape, last: false);
            long[] dims = new long[] { layer.InFeatures }.Concat(Enumerable.Repeat(1L, layer.InputShape.Count - 1)).ToArray();
            string scaled = graph.Step("Mul", new[] { back, graph.Weight("scale", new[] { layer.FieldName + ".weight" }, dims: dims) });
            return graph.Last("Add", new[] { scaled, graph.Weight("shift", new[] { layer.FieldName + ".bias" }, dims: dims) });
        }
    }
}

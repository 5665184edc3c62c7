using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class LayerNormLayer
    {
        /// <summary>
        /// <c>LayerNormalization</c> (opset 17) over the last NormalizedDims axes (<c>axis</c> = −k),
        /// <c>epsilon</c>; without elementwise affine the scale is a constant of ones, without Bias the
        /// bias is left out.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            long[] normalized = layer.InputShape.Skip(layer.InputShape.Count - spec.NormalizedDims).Select(d => (long)d).ToArray();
            if (normalized.Any(d => d <= 0))
            {
                return null;
            }

            long elements = normalized.Aggregate(1L, (a, b) => a * b);
            string scale = spec.ElementwiseAffine
                ? graph.Weight(layer.FieldName + ".weight")
                : graph.Floats("ones", normalized, Enumerable.Repeat(1.0, (int)elements).ToArray());
            string? bias = spec.ElementwiseAffine && spec.Bias ? graph.Weight(layer.FieldName + ".bias") : null;
            return graph.Last("LayerNormalization", OnnxMap.Inputs(input, scale, bias), OnnxMap.Int("axis", -spec.NormalizedDims), OnnxMap.Float("epsilon", spec.Eps));
        }
    }
}

using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class PReLULayer
    {
        /// <summary>
        /// <c>PRelu(x, slope)</c>. ONNX broadcasts the slope from the right, PyTorch applies it per
        /// channel (dimension 1): one slope per channel is stored as C×1×… (one 1 per position axis).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            var dims = new long[] { spec.NumParameters }.Concat(Enumerable.Repeat(1L, spec.NumParameters == 1 ? 0 : layer.InputShape.Count - 1));
            return graph.Last("PRelu", new[] { input, graph.Weight("slope", new[] { layer.FieldName + ".weight" }, dims: dims) });
        }
    }
}

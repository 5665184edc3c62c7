using System.Collections.Generic;

namespace ModelGen.Domain
{
    internal sealed partial class PoolLayer
    {
        /// <summary>
        /// <c>MaxPool</c> / <c>AveragePool</c>. <c>strides</c> is always written: ONNX defaults it
        /// to 1, PyTorch to the window. Average pooling writes <c>count_include_pad</c> (ONNX's
        /// default 0 is PyTorch's <c>false</c>; PyTorch's default is <c>true</c>).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            var attributes = new List<OnnxAttribute>
            {
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Pads(spec.Padding),
                OnnxMap.Int("ceil_mode", spec.CeilMode ? 1 : 0),
            };
            if (IsMax)
            {
                attributes.Add(OnnxMap.Ints("dilations", spec.Dilation ?? Axes.Same(Rank, 1)));
            }
            else
            {
                attributes.Add(OnnxMap.Int("count_include_pad", spec.CountIncludePad ? 1 : 0));
            }

            return graph.Last(IsMax ? "MaxPool" : "AveragePool", new[] { input }, attributes.ToArray());
        }
    }
}

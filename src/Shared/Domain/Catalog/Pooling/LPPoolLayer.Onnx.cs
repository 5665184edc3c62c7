using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class LPPoolLayer
    {
        /// <summary>
        /// PyTorch's formula, node for node: (AvgPool(xᵖ) · k)^(1/p) with k the window's size, as
        /// <c>Pow</c> → <c>AveragePool</c> (window, strides, ceil_mode; no padding, so a window that
        /// ceil mode cuts at the edge averages the elements it holds, as PyTorch's does) →
        /// <c>Mul</c> by k → <c>Pow</c>(1/p). Not ONNX's <c>LpPool</c>: it sums |x|ᵖ, PyTorch sums
        /// xᵖ, so for an odd or fractional p they differ on negative inputs (PyTorch keeps the sign
        /// for p = 1, gives NaN for a negative sum under a fractional root, where <c>Pow</c> does the
        /// same), and LpPool does not rescale a window cut by ceil mode.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            long window = spec.Kernel.Values.Aggregate(1L, (a, b) => a * b);
            string powered = graph.Step("Pow", new[] { input, graph.Scalar("p", spec.NormType) });
            string averaged = graph.Step(
                "AveragePool",
                new[] { powered },
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Int("ceil_mode", spec.CeilMode ? 1 : 0));
            string summed = graph.Step("Mul", new[] { averaged, graph.Scalar("window", window) });
            return graph.Last("Pow", new[] { summed, graph.Scalar("inverse_p", 1 / spec.NormType) });
        }
    }
}

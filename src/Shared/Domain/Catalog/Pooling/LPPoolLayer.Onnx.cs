namespace ModelGen.Domain
{
    internal sealed partial class LPPoolLayer
    {
        /// <summary>
        /// <c>LpPool</c> with <c>p</c>, window and strides (always written). PyTorch sums xᵖ (and clamps
        /// a negative sum to 0), ONNX sums |x|ᵖ: they agree for even integer p only, so an odd or
        /// fractional norm has no mapping.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            if (spec.NormType != System.Math.Floor(spec.NormType) || spec.NormType < 2 || spec.NormType % 2 != 0 || spec.NormType > int.MaxValue)
            {
                return null;
            }

            return graph.Last(
                "LpPool",
                new[] { input },
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Int("p", (long)spec.NormType),
                OnnxMap.Int("ceil_mode", spec.CeilMode ? 1 : 0));
        }
    }
}

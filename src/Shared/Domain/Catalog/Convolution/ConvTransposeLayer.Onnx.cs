namespace ModelGen.Domain
{
    internal sealed partial class ConvTransposeLayer
    {
        /// <summary>
        /// <c>ConvTranspose</c>: the weight keeps PyTorch's in×out/groups×k… layout, which is ONNX's;
        /// <c>pads</c> begins then ends, <c>output_padding</c> as declared.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            string weight = graph.Weight(layer.FieldName + ".weight");
            string? bias = spec.Bias ? graph.Weight(layer.FieldName + ".bias") : null;
            return graph.Last(
                "ConvTranspose",
                OnnxMap.Inputs(input, weight, bias),
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Pads(spec.Padding),
                OnnxMap.Ints("output_padding", spec.OutputPadding),
                OnnxMap.Ints("dilations", spec.Dilation),
                OnnxMap.Int("group", spec.Groups));
        }
    }
}

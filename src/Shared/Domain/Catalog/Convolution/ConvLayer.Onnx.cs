namespace ModelGen.Domain
{
    internal sealed partial class ConvLayer
    {
        /// <summary>
        /// <c>Conv</c> with <c>kernel_shape</c>, <c>strides</c>, <c>dilations</c>, <c>group</c> and
        /// <c>pads</c> written begins-then-ends (PyTorch's <c>same</c> puts the smaller half first).
        /// Weights keep PyTorch's out×in/groups×k… layout. Conv pads with zeros only, so the other
        /// padding modes are a <c>Pad</c> node first (<c>reflect</c>, <c>edge</c> for replicate,
        /// <c>wrap</c> for circular, opset ≥ 19) over the batched axes, and the Conv has no pads.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            var begins = new int[Rank];
            var ends = new int[Rank];
            for (int axis = 0; axis < Rank; axis++)
            {
                if (spec.AutoPad == AutoPadSpec.Same)
                {
                    long total = (long)spec.Dilation[axis] * (spec.Kernel[axis] - 1);
                    begins[axis] = (int)(total / 2);
                    ends[axis] = (int)(total - (total / 2));
                }
                else if (spec.AutoPad == AutoPadSpec.Explicit)
                {
                    begins[axis] = spec.Padding[axis];
                    ends[axis] = spec.Padding[axis];
                }
            }

            if (spec.PaddingMode != PaddingModeSpec.Zeros)
            {
                var pads = new long[2 * (Rank + 2)];
                for (int axis = 0; axis < Rank; axis++)
                {
                    pads[2 + axis] = begins[axis];
                    pads[Rank + 2 + 2 + axis] = ends[axis];
                }

                string mode = spec.PaddingMode switch
                {
                    PaddingModeSpec.Reflect => "reflect",
                    PaddingModeSpec.Replicate => "edge",
                    _ => "wrap",
                };
                input = graph.Step("Pad", new[] { input, graph.Int64s("pads", pads) }, OnnxAttribute.String("mode", mode));
                begins = new int[Rank];
                ends = new int[Rank];
            }

            string weight = graph.Weight(layer.FieldName + ".weight");
            string? bias = spec.Bias ? graph.Weight(layer.FieldName + ".bias") : null;
            return graph.Last(
                "Conv",
                OnnxMap.Inputs(input, weight, bias),
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Pads(begins, ends),
                OnnxMap.Ints("dilations", spec.Dilation),
                OnnxMap.Int("group", spec.Groups));
        }
    }
}

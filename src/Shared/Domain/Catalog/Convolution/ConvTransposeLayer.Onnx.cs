using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class ConvTransposeLayer
    {
        /// <summary>
        /// <c>ConvTranspose</c>: the weight keeps PyTorch's in×out/groups×k… layout, which is ONNX's.
        /// PyTorch's output padding is written as a smaller end pad (pads = [P…, P − OP…]) rather than
        /// <c>output_padding</c>, which ONNX Runtime refuses unless it is below the stride (PyTorch
        /// also allows it below the dilation). Where OP &gt; P the rows past the full result hold only
        /// the bias: the node runs without bias and end pad 0, a <c>Pad</c> adds OP − P zero rows, and
        /// the bias is added afterwards.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            string weight = graph.Weight(layer.FieldName + ".weight");
            int[] begins = spec.Padding.Values.ToArray();
            int[] ends = Enumerable.Range(0, Rank).Select(a => System.Math.Max(0, spec.Padding[a] - spec.OutputPadding[a])).ToArray();
            int[] extra = Enumerable.Range(0, Rank).Select(a => System.Math.Max(0, spec.OutputPadding[a] - spec.Padding[a])).ToArray();
            OnnxAttribute[] attributes =
            {
                OnnxMap.Ints("kernel_shape", spec.Kernel),
                OnnxMap.Ints("strides", spec.Stride),
                OnnxMap.Pads(begins, ends),
                OnnxMap.Ints("dilations", spec.Dilation),
                OnnxMap.Int("group", spec.Groups),
            };
            if (extra.All(e => e == 0))
            {
                string? bias = spec.Bias ? graph.Weight(layer.FieldName + ".bias") : null;
                return graph.Last("ConvTranspose", OnnxMap.Inputs(input, weight, bias), attributes);
            }

            string convolved = graph.Step("ConvTranspose", new[] { input, weight }, attributes);
            var pads = new long[2 * (Rank + 2)];
            for (int axis = 0; axis < Rank; axis++)
            {
                pads[Rank + 2 + 2 + axis] = extra[axis];
            }

            if (!spec.Bias)
            {
                return graph.Last("Pad", new[] { convolved, graph.Int64s("pads", pads) });
            }

            string padded = graph.Step("Pad", new[] { convolved, graph.Int64s("pads", pads) });
            long[] dims = new long[] { spec.OutChannels }.Concat(Enumerable.Repeat(1L, Rank)).ToArray();
            return graph.Last("Add", new[] { padded, graph.Weight("bias", new[] { layer.FieldName + ".bias" }, dims: dims) });
        }
    }
}

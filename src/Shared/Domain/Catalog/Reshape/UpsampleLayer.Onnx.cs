using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class UpsampleLayer
    {
        /// <summary>
        /// <c>Resize</c>: with a scale factor, <c>scales</c> = [1, 1, s, …]; with a size, <c>sizes</c> =
        /// the input's N and C (<c>Shape</c> end = 2) followed by the size. Nearest is PyTorch's
        /// floor(out·in/out): <c>asymmetric</c> coordinates, <c>floor</c> rounding; linear modes use
        /// <c>pytorch_half_pixel</c> (or <c>align_corners</c>); bicubic uses a = −0.75.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int spatial = layer.InputShape.Count - 1;
            var attributes = new List<OnnxAttribute>();
            switch (spec.Mode)
            {
                case UpsampleModeSpec.Nearest:
                    attributes.Add(OnnxAttribute.String("mode", "nearest"));
                    attributes.Add(OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"));
                    attributes.Add(OnnxAttribute.String("nearest_mode", "floor"));
                    break;
                case UpsampleModeSpec.Bicubic:
                    attributes.Add(OnnxAttribute.String("mode", "cubic"));
                    attributes.Add(OnnxMap.Float("cubic_coeff_a", -0.75));
                    attributes.Add(OnnxAttribute.String("coordinate_transformation_mode", spec.AlignCorners ? "align_corners" : "pytorch_half_pixel"));
                    break;
                default:
                    attributes.Add(OnnxAttribute.String("mode", "linear"));
                    attributes.Add(OnnxAttribute.String("coordinate_transformation_mode", spec.AlignCorners ? "align_corners" : "pytorch_half_pixel"));
                    break;
            }

            if (spec.ScaleFactor != 0)
            {
                double[] scales = new[] { 1.0, 1.0 }.Concat(Enumerable.Repeat(spec.ScaleFactor, spatial)).ToArray();
                return graph.Last("Resize", new[] { input, string.Empty, graph.Floats("scales", new long[] { scales.Length }, scales) }, attributes.ToArray());
            }

            string head = graph.Step("Shape", new[] { input }, OnnxMap.Int("end", 2));
            string sizes = graph.Step("Concat", new[] { head, graph.Int64s("size", Enumerable.Repeat((long)spec.Size, spatial).ToArray()) }, OnnxMap.Int("axis", 0));
            return graph.Last("Resize", new[] { input, string.Empty, string.Empty, sizes }, attributes.ToArray());
        }
    }
}

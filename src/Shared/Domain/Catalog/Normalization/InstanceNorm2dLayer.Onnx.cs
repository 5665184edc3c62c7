using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class InstanceNorm2dLayer
    {
        /// <summary>
        /// <c>InstanceNormalization</c> (statistics of each sample and channel), the scale and bias
        /// ones and zeros without affine. With TrackRunningStats, PyTorch's evaluation mode uses the
        /// running statistics instead: <c>BatchNormalization</c> over them (momentum = 1 − PyTorch's).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int channels = layer.InFeatures;
            string field = layer.FieldName;
            string scale = spec.Affine ? graph.Weight(field + ".weight") : graph.Floats("ones", new long[] { channels }, Enumerable.Repeat(1.0, channels).ToArray());
            string bias = spec.Affine ? graph.Weight(field + ".bias") : graph.Floats("zeros", new long[] { channels }, Enumerable.Repeat(0.0, channels).ToArray());
            if (spec.TrackRunningStats)
            {
                return graph.Last(
                    "BatchNormalization",
                    new[] { input, scale, bias, graph.Weight(field + ".running_mean"), graph.Weight(field + ".running_var") },
                    OnnxMap.Float("epsilon", spec.Eps),
                    OnnxMap.Float("momentum", 1 - spec.Momentum));
            }

            return graph.Last("InstanceNormalization", new[] { input, scale, bias }, OnnxMap.Float("epsilon", spec.Eps));
        }
    }
}

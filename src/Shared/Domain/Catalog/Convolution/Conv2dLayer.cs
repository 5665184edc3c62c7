using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Conv2d: a 2-D convolution over a C×H×W feature map; the input channels come from the layer above.</summary>
    internal sealed class Conv2dLayer : LayerEntry<Conv2dLayer.Spec>
    {
        public static readonly Conv2dLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="OutChannels">The number of filters.</param>
        /// <param name="Kernel">Window size per axis (no default: PyTorch requires it).</param>
        /// <param name="Stride">Stride per axis (default 1).</param>
        /// <param name="Padding">Zero padding on each side, per axis (default 0).</param>
        /// <param name="Dilation">Dilation per axis (default 1).</param>
        /// <param name="Bias">Whether each filter learns a bias.</param>
        public sealed record Spec(string Display, int OutChannels, Pair Kernel, Pair Stride, Pair Padding, Pair Dilation, bool Bias) : LayerSpec(Instance, Display);

        public override string Name => "Conv2d";

        public override string FieldPrefix => "conv";

        public override LayerTraits Traits => LayerTraits.LinearMap;

        public override string Signature => "Conv2d(out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Bias = true)";

        public override string ShapeRule => "`C×H×W → out×H'×W'`, `H' = floor((H + 2P − D·(F−1) − 1) / S) + 1`";

        public override string ParameterRule => "`out·C·Fh·Fw + out`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            args.Display,
            args.Int(0, 0),
            args.Pair("Kernel", 0),
            args.Pair("Stride", 1),
            args.Pair("Padding", 0),
            args.Pair("Dilation", 1),
            args.Bool("Bias", true));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.OutChannels <= 0)
            {
                yield return $"{spec.Display}: the number of output channels must be positive, got {spec.OutChannels}";
            }

            foreach (string message in Window2d.Check(spec.Display, spec.Kernel, spec.Stride, spec.Padding, spec.Dilation))
            {
                yield return message;
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            if (Window2d.Infer(spec.Display, spec.Kernel, spec.Stride, spec.Padding, spec.Dilation, context) is not (int height, int width))
            {
                return null;
            }

            int inChannels = context.Input[0];
            long weights = Numbers.SaturatingProduct(spec.OutChannels, inChannels, spec.Kernel.Height, spec.Kernel.Width);
            if (weights > long.MaxValue - spec.OutChannels)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            LayerCounts counts = LayerCounts.PerPosition(weights, spec.Bias ? spec.OutChannels : 0, positions: (long)height * width);
            return new LayerOutcome(Shape.Of(spec.OutChannels, height, width), counts, inChannels, ChannelsFirst: true);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.Conv2d(in_channels: {layer.InFeatures}, out_channels: {spec.OutChannels}, kernel_size: {CSharp.Tuple(spec.Kernel)}, stride: {CSharp.Tuple(spec.Stride)}, padding: {CSharp.Tuple(spec.Padding)}, dilation: {CSharp.Tuple(spec.Dilation)}, bias: {CSharp.Literal(spec.Bias)})";

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => spec.Bias
            ? $"{spec.OutChannels}·{layer.InFeatures}·{spec.Kernel.Height}·{spec.Kernel.Width} + {spec.OutChannels}"
            : $"{spec.OutChannels}·{layer.InFeatures}·{spec.Kernel.Height}·{spec.Kernel.Width}";
    }
}

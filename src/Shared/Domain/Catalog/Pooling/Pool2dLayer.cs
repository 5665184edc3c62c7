using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// MaxPool2d and AvgPool2d: a window slid over each channel of a C×H×W feature map. The stride
    /// defaults to the window, as in PyTorch; padding is at most half the window.
    /// </summary>
    internal sealed class Pool2dLayer : LayerEntry<Pool2dLayer.Spec>
    {
        public static readonly Pool2dLayer Max = new("MaxPool2d", "maxpool", "the largest value of each window");
        public static readonly Pool2dLayer Avg = new("AvgPool2d", "avgpool", "the mean of each window (padding counts as zeros)");

        private readonly string _what;

        private Pool2dLayer(string name, string fieldPrefix, string what)
        {
            Name = name;
            FieldPrefix = fieldPrefix;
            _what = what;
        }

        /// <param name="Pool">The entry of the kind (the family has several).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="Kernel">Window size per axis.</param>
        /// <param name="Stride">Stride per axis (default: the window).</param>
        /// <param name="Padding">Implicit padding per axis (default 0).</param>
        public sealed record Spec(Pool2dLayer Pool, string Display, Pair Kernel, Pair Stride, Pair Padding) : LayerSpec(Pool, Display);

        public override string Name { get; }

        public override string FieldPrefix { get; }

        public override string Signature => $"{Name}(kernel, Stride = kernel, Padding = 0)";

        public override string ShapeRule => $"`H' = floor((H − F + 2P) / S) + 1`; {_what}";

        protected override Spec ReadSpec(DeclaredArguments args)
        {
            Pair kernel = args.Pair("Kernel", args.Int(0, 0));
            Pair stride = args.Pair("Stride", 0);
            stride = new Pair(
                stride.Height == 0 && !args.Has("Stride") && !args.Has("StrideHeight") ? kernel.Height : stride.Height,
                stride.Width == 0 && !args.Has("Stride") && !args.Has("StrideWidth") ? kernel.Width : stride.Width);
            return new Spec(this, args.Display, kernel, stride, args.Pair("Padding", 0));
        }

        protected override IEnumerable<string> Check(Spec spec)
        {
            foreach (string message in Window2d.Check(spec.Display, spec.Kernel, spec.Stride, spec.Padding, dilation: null))
            {
                yield return message;
            }

            if (spec.Kernel.Height > 0 && spec.Kernel.Width > 0
                && (spec.Padding.Height * 2 > spec.Kernel.Height || spec.Padding.Width * 2 > spec.Kernel.Width))
            {
                yield return $"{spec.Display}: padding must be at most half the window ({spec.Kernel}), got {spec.Padding}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) =>
            Window2d.Infer(spec.Display, spec.Kernel, spec.Stride, spec.Padding, Pair.Square(1), context) is (int height, int width)
                ? new LayerOutcome(Shape.Of(context.Input[0], height, width), LayerCounts.None, ChannelsFirst: true)
                : null;

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.{Name}(kernel_size: {CSharp.Tuple(spec.Kernel)}, stride: {CSharp.Tuple(spec.Stride)}, padding: {CSharp.Tuple(spec.Padding)})";
    }
}

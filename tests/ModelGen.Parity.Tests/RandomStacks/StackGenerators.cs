using System.Linq;
using CsCheck;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>
    /// CsCheck generators of valid model declarations: a C×H×W input with convolution, pooling,
    /// normalization, padding, activation and dropout layers, then Flatten and a flat head; or a flat input
    /// with a flat stack. Window settings are drawn freely and stacks whose output would be empty
    /// are filtered out with <see cref="StackFormula"/> (not with the code under test).
    /// </summary>
    internal static class StackGenerators
    {
        private static readonly Gen<StackLayer> Activation = Gen.OneOf(
            Gen.Const(new StackLayer(StackOp.ReLU)),
            Gen.Int[0, 30].Select(slope => new StackLayer(StackOp.LeakyReLU, Rate: slope / 100.0)),
            Gen.Const(new StackLayer(StackOp.Sigmoid)),
            Gen.Const(new StackLayer(StackOp.Tanh)),
            Gen.OneOfConst(StackOp.ELU, StackOp.SELU, StackOp.GELU, StackOp.SiLU, StackOp.Mish, StackOp.Softplus, StackOp.Hardtanh, StackOp.PReLU)
                .Select(op => new StackLayer(op)));

        private static readonly Gen<StackLayer> Dropout =
            Gen.Int[0, 9].Select(tenths => new StackLayer(StackOp.Dropout, Rate: tenths / 10.0));

        private static readonly Gen<StackLayer> SoftmaxLike = Gen.OneOf(
            Gen.Const(new StackLayer(StackOp.Softmax)),
            Gen.Const(new StackLayer(StackOp.LogSoftmax)));

        private static readonly Gen<StackLayer> Conv2d =
            Gen.Select(Gen.Int[1, 8], AxesOf(Gen.Int[1, 5]), AxesOf(Gen.Int[1, 3]), AxesOf(Gen.Int[0, 2]), AxesOf(Gen.Int[1, 3]), Gen.Bool, Gen.Int[0, 2])
                .Select((channels, kernel, stride, padding, dilation, bias, style) =>
                    new StackLayer(StackOp.Conv2d, Size: channels, Kernel: kernel, Stride: stride, Padding: padding, Dilation: dilation, Bias: bias, Style: style));

        private static readonly Gen<StackLayer> Pool =
            Gen.Select(Gen.OneOfConst(StackOp.MaxPool2d, StackOp.AvgPool2d), AxesOf(Gen.Int[1, 4]), Gen.Int[0, 2])
                .SelectMany((op, kernel, style) =>
                    // PyTorch allows at most half the window as padding; the stride defaults to the window.
                    Gen.Select(
                        Gen.Int[0, kernel.Height / 2],
                        Gen.Int[0, kernel.Width / 2],
                        Gen.Frequency((1, Gen.Const((Axes?)null)), (2, AxesOf(Gen.Int[1, 3]).Select(stride => (Axes?)stride))),
                        (padHeight, padWidth, stride) =>
                            new StackLayer(op, Kernel: kernel, Stride: stride, Padding: new Axes(padHeight, padWidth), Style: style)));

        private static readonly Gen<StackLayer> SpatialLayer = Gen.Frequency(
            (5, Conv2d),
            (3, Pool),
            (1, Gen.Const(new StackLayer(StackOp.BatchNorm2d))),
            (1, Gen.Int[0, 9].Select(tenths => new StackLayer(StackOp.Dropout2d, Rate: tenths / 10.0))),
            (1, Gen.Const(new StackLayer(StackOp.InstanceNorm2d))),
            (1, Gen.Int[1, 3].Select(groups => new StackLayer(StackOp.GroupNorm, Size: groups))),
            (1, Gen.Int[0, 2].Select(padding => new StackLayer(StackOp.ZeroPad2d, Size: padding))),
            (1, Gen.Int[1, 4].Select(size => new StackLayer(StackOp.AdaptiveAvgPool2d, Size: size))),
            (1, Gen.Const(new StackLayer(StackOp.Identity))),
            (2, Activation),
            (1, Dropout),
            (1, SoftmaxLike));

        private static readonly Gen<StackLayer> FlatLayer = Gen.Frequency(
            (4, Gen.Select(Gen.Int[1, 16], Gen.Bool, (features, bias) => new StackLayer(StackOp.Linear, Size: features, Bias: bias))),
            (1, Gen.Const(new StackLayer(StackOp.BatchNorm1d))),
            (1, Gen.Const(new StackLayer(StackOp.LayerNorm))),
            (1, Gen.Int[0, 9].Select(tenths => new StackLayer(StackOp.AlphaDropout, Rate: tenths / 10.0))),
            (2, Activation),
            (1, Dropout),
            (1, SoftmaxLike),
            (1, Gen.Const(new StackLayer(StackOp.Flatten))));

        private static readonly Gen<StackTraining> Training =
            Gen.Frequency((2, Gen.Const(StackTraining.None)), (1, Gen.Const(StackTraining.SgdMse)), (1, Gen.Const(StackTraining.AdamMse)));

        private static readonly Gen<StackModel> SpatialModel =
            Gen.Select(Gen.Int[1, 3], Gen.Int[4, 20], Gen.Int[4, 20], SpatialLayer.Array[0, 5], FlatLayer.Array[0, 3], Training)
                .Select((channels, height, width, features, head, training) => new StackModel(
                    new[] { channels, height, width },
                    features.Append(new StackLayer(StackOp.Flatten)).Concat(head).ToArray(),
                    training));

        private static readonly Gen<StackModel> FlatModel =
            Gen.Select(Gen.Int[1, 32], FlatLayer.Array[1, 5], Training)
                .Select((features, layers, training) => new StackModel(new[] { features }, layers, training));

        /// <summary>
        /// A model whose every layer has a non-empty output by the formulas. A training declaration
        /// is kept only where there is something to train: backward through a model without
        /// parameters fails in libtorch ("element 0 of tensors does not require grad").
        /// </summary>
        public static readonly Gen<StackModel> Model =
            Gen.Frequency((3, SpatialModel), (1, FlatModel))
                .Where(model => StackFormula.Infer(model) is not null)
                .Select(model => StackFormula.Infer(model)!.Sum(layer => layer.Parameters) > 0 ? model : model with { Training = StackTraining.None });

        private static Gen<Axes> AxesOf(Gen<int> size) => Gen.Frequency(
            (2, size.Select(Axes.Square)),
            (1, Gen.Select(size, size, (height, width) => new Axes(height, width))));
    }
}

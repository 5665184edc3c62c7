using ModelGen;

// One small model per layer kind (and per argument form) of the catalog. Each is checked against
// TorchSharp by CatalogParityTests; the comments give the output size by the formula
// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 so a reader can follow the expected shapes.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>Linear with bias: 12 → 5, 12·5 + 5 = 65 parameters.</summary>
    [Model(12)]
    [Linear(5)]
    public partial class LinearWithBias;

    /// <summary>Linear on each of 16 positions: 16×8 → 16×64, 8·64 + 64 = 576 parameters.</summary>
    [Model(16, 8)]
    [Linear(64)]
    public partial class LinearOnSequence;

    /// <summary>Linear without bias: 12 → 5, 12·5 = 60 parameters.</summary>
    [Model(12)]
    [Linear(5, Bias = false)]
    public partial class LinearWithoutBias;

    /// <summary>Square kernel: 3×10×10 → 4×8×8.</summary>
    [Model(3, 10, 10)]
    [Conv2d(4, Kernel = 3)]
    public partial class Conv2dSquare;

    /// <summary>Rectangular kernel, stride and padding: H = (11 + 2 − 3) / 2 + 1 = 6, W = (9 − 2) / 1 + 1 = 8.</summary>
    [Model(2, 11, 9)]
    [Conv2d(5, KernelHeight = 3, KernelWidth = 2, StrideHeight = 2, StrideWidth = 1, PaddingHeight = 1, PaddingWidth = 0)]
    public partial class Conv2dRectangular;

    /// <summary>Dilation without bias: (12 + 2 − 2·2 − 1) / 2 + 1 = 5 on both axes.</summary>
    [Model(1, 12, 12)]
    [Conv2d(3, Kernel = 3, Stride = 2, Padding = 1, Dilation = 2, Bias = false)]
    public partial class Conv2dDilated;

    /// <summary>Rectangular dilation: H = 13 − 2·2 = 9, W = 13 − 3·2 = 7.</summary>
    [Model(2, 13, 13)]
    [Conv2d(2, Kernel = 3, DilationHeight = 2, DilationWidth = 3)]
    public partial class Conv2dRectangularDilation;

    /// <summary>Max pooling with the default stride (the window): 2×9×9 → 2×4×4.</summary>
    [Model(2, 9, 9)]
    [MaxPool2d(2)]
    public partial class MaxPool2dDefault;

    /// <summary>Max pooling with stride and padding: (9 + 2 − 3) / 2 + 1 = 5.</summary>
    [Model(2, 9, 9)]
    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial class MaxPool2dStridePadding;

    /// <summary>Rectangular max pooling window 3×2 (stride = window): H = 10 / 3 = 3, W = 8 / 2 = 4.</summary>
    [Model(1, 10, 8)]
    [MaxPool2d(2, KernelHeight = 3)]
    public partial class MaxPool2dRectangular;

    /// <summary>Average pooling with padding and stride 1: (7 + 2 − 3) / 1 + 1 = 7.</summary>
    [Model(3, 7, 7)]
    [AvgPool2d(3, Stride = 1, Padding = 1)]
    public partial class AvgPool2dPadding;

    /// <summary>Average pooling with an explicit stride larger than the window: (11 − 2) / 3 + 1 = 4.</summary>
    [Model(3, 11, 11)]
    [AvgPool2d(2, Stride = 3)]
    public partial class AvgPool2dStride;

    /// <summary>Flatten: 2×3×4 → 24.</summary>
    [Model(2, 3, 4)]
    [Flatten]
    public partial class FlattenOnly;

    /// <summary>Dropout keeps the shape of a feature map.</summary>
    [Model(3, 4, 4)]
    [Dropout(0.3)]
    public partial class DropoutOnly;

    /// <summary>BatchNorm1d over 6 features: 2·6 = 12 parameters.</summary>
    [Model(6)]
    [BatchNorm1d]
    public partial class BatchNorm1dOnly;

    /// <summary>BatchNorm2d over 3 channels: 2·3 = 6 parameters.</summary>
    [Model(3, 5, 5)]
    [BatchNorm2d(Eps = 1e-3, Momentum = 0.2)]
    public partial class BatchNorm2dOnly;

    /// <summary>ReLU on a feature map.</summary>
    [Model(2, 3, 3)]
    [ReLU]
    public partial class ReLUOnly;

    /// <summary>LeakyReLU with a custom slope.</summary>
    [Model(7)]
    [LeakyReLU(NegativeSlope = 0.2)]
    public partial class LeakyReLUOnly;

    /// <summary>Sigmoid on flat features.</summary>
    [Model(7)]
    [Sigmoid]
    public partial class SigmoidOnly;

    /// <summary>Tanh on a feature map.</summary>
    [Model(2, 3, 3)]
    [Tanh]
    public partial class TanhOnly;

    /// <summary>Softmax over the features.</summary>
    [Model(9)]
    [Softmax]
    public partial class SoftmaxOnly;

    /// <summary>LogSoftmax over the channels of a feature map.</summary>
    [Model(4, 3, 3)]
    [LogSoftmax(Dim = 1)]
    public partial class LogSoftmaxOnly;

    /// <summary>Every layer kind of the catalog in one stack, with a training declaration.</summary>
    [Model(3, 16, 16)]
    [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, ReLU]
    [MaxPool2d(2)]
    [Conv2d(12, KernelHeight = 3, KernelWidth = 1, Dilation = 2, Bias = false), LeakyReLU(NegativeSlope = 0.1)]
    [AvgPool2d(2, Stride = 2, Padding = 1)]
    [Dropout(0.1), Tanh]
    [Flatten]
    [Linear(32), BatchNorm1d, Sigmoid, Dropout(0.2)]
    [Linear(10, Bias = false), Softmax]
    [Linear(4), LogSoftmax]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.05, Momentum = 0.9)]
    public partial class EveryLayer;
}

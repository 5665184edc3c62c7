using ModelGen;

// Models for KindGradientTests: the kinds whose backward rules came last (Conv3d, padding modes,
// transposed convolutions, 3-D pools, LP pooling, adaptive max pooling, GroupNorm, InstanceNorm2d,
// AlphaDropout, Upsample, Maxout, PositionalEncoding, cropping ZeroPad2d, recurrent layers with
// dropout between them). As in GradientModels.cs, each kind under test sits after a layer with
// parameters, so its input gradient is checked through that layer's weight gradient.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>Conv3d with stride and padding, a dilated grouped Conv3d without bias on odd sizes, MaxPool3d (padding, dilation, ceil mode), AvgPool3d (padding not counted, ceil mode).</summary>
    [Model(2, 5, 6, 7)]
    [Conv3d(4, Kernel = 3, Stride = 2, Padding = 1, KernelWidth = 2)]
    [Conv3d(4, Kernel = 2, Padding = 2, Dilation = 2, Groups = 2, Bias = false), Tanh]
    [MaxPool3d(2, Stride = 1, Padding = 1, Dilation = 2, CeilMode = true)]
    [Conv3d(3, Kernel = 1)]
    [AvgPool3d(2, Padding = 1, CountIncludePad = false, CeilMode = true)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradConv3d;

    /// <summary>Padding modes: reflect, replicate and circular convolutions, a 'same' with an even kernel (one more zero after than before), a 1-D reflect and a 3-D circular one.</summary>
    [Model(3, 9, 8)]
    [Conv2d(4, Kernel = 3, Padding = 2, PaddingMode = PaddingMode.Reflect)]
    [Conv2d(4, Kernel = 3, Stride = 2, Padding = 1, PaddingMode = PaddingMode.Replicate, Groups = 2), Tanh]
    [Conv2d(5, Kernel = 2, Padding = 1, Dilation = 2, PaddingMode = PaddingMode.Circular)]
    [Conv2d(4, Kernel = 4, AutoPad = AutoPad.Same)]
    [Conv2d(3, Kernel = 3, AutoPad = AutoPad.Same, PaddingMode = PaddingMode.Reflect)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradConvPaddingModes;

    /// <summary>Conv1d with reflect padding and an even 'same', Conv3d with circular padding.</summary>
    [Model(2, 11)]
    [Conv1d(3, Kernel = 3, Padding = 2, PaddingMode = PaddingMode.Reflect)]
    [Conv1d(3, Kernel = 2, Dilation = 3, AutoPad = AutoPad.Same, PaddingMode = PaddingMode.Replicate)]
    [Conv1d(2, Kernel = 4, AutoPad = AutoPad.Same)]
    [Unflatten(2, 1, 1, 13)]
    [Conv3d(2, Kernel = 3, Padding = 1, PaddingMode = PaddingMode.Circular)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradConvPadding1d3d;

    /// <summary>ConvTranspose2d with stride, padding and output padding; a grouped, dilated one whose output padding is at least its stride (below the dilation); a 1-D one.</summary>
    [Model(3, 5, 4)]
    [ConvTranspose2d(4, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(4, Kernel = 2, Dilation = 3, OutputPadding = 2, Groups = 2, Bias = false), Tanh]
    [Conv2d(2, Kernel = 3, Stride = 2)]
    [Flatten(2)]
    [ConvTranspose1d(3, Kernel = 3, Stride = 3, Padding = 1, OutputPadding = 2)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradConvTranspose;

    /// <summary>LP pooling in 2-D (p = 2, stride 2, ceil mode, a rectangular window) and 1-D (p = 3), after Sigmoid (positive windows), and adaptive max pooling to sizes that do not divide the input.</summary>
    [Model(3, 9, 11)]
    [Conv2d(4, Kernel = 2), Sigmoid]
    [LPPool2d(2, 3, Stride = 2, KernelWidth = 2, CeilMode = true)]
    [Conv2d(4, Kernel = 1)]
    [AdaptiveMaxPool2d(3, 4)]
    [Flatten(2)]
    [Conv1d(3, Kernel = 2), Sigmoid]
    [LPPool1d(3, 2, Stride = 1)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradLpAndAdaptiveMaxPools;

    /// <summary>Adaptive max pooling to an output larger than its input (windows repeat input positions, whose gradients add up) after one that shrinks it.</summary>
    [Model(2, 7, 6)]
    [Conv2d(3, Kernel = 2, Stride = 2)]
    [AdaptiveMaxPool2d(2)]
    [Conv2d(3, Kernel = 1)]
    [AdaptiveMaxPool2d(5, 3)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradAdaptiveMaxLarger;

    /// <summary>GroupNorm with and without affine (on a map and on a C×L sequence), InstanceNorm2d plain and with affine and running statistics.</summary>
    [Model(3, 6, 5)]
    [Conv2d(6, Kernel = 3, Padding = 1), GroupNorm(3)]
    [Conv2d(4, Kernel = 3, Padding = 1, Bias = false), InstanceNorm2d, Tanh]
    [Conv2d(4, Kernel = 2), InstanceNorm2d(Affine = true, TrackRunningStats = true, Momentum = 0.3)]
    [Flatten(2)]
    [Conv1d(4, Kernel = 3), GroupNorm(2, Affine = false, Eps = 1e-3)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradGroupInstanceNorm;

    /// <summary>AlphaDropout after SELU, twice, between Linear layers.</summary>
    [Model(6)]
    [Linear(16), SELU, AlphaDropout(0.3)]
    [Linear(12), SELU, AlphaDropout(0.1)]
    [Linear(3)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradAlphaDropout;

    /// <summary>Upsample in 2-D: nearest ×2, nearest to a size (×1.7…), bilinear with and without aligned corners, bicubic by a non-integer scale.</summary>
    [Model(2, 4, 5)]
    [Conv2d(3, Kernel = 1)]
    [Upsample(ScaleFactor = 2)]
    [Conv2d(3, Kernel = 3)]
    [Upsample(Size = 11)]
    [Conv2d(3, Kernel = 2, Stride = 2)]
    [Upsample(ScaleFactor = 1.5, Mode = UpsampleMode.Bilinear)]
    [Conv2d(3, Kernel = 1)]
    [Upsample(Size = 7, Mode = UpsampleMode.Bilinear, AlignCorners = true)]
    [Conv2d(3, Kernel = 1)]
    [Upsample(ScaleFactor = 1.3, Mode = UpsampleMode.Bicubic)]
    [Conv2d(2, Kernel = 1)]
    [Upsample(Size = 5, Mode = UpsampleMode.Bicubic, AlignCorners = true)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradUpsample2d;

    /// <summary>Upsample in 1-D (nearest by 2.5, linear with and without aligned corners) and 3-D (nearest, trilinear).</summary>
    [Model(2, 5)]
    [Conv1d(3, Kernel = 1)]
    [Upsample(ScaleFactor = 2.5)]
    [Conv1d(3, Kernel = 2)]
    [Upsample(Size = 17, Mode = UpsampleMode.Linear)]
    [Conv1d(3, Kernel = 1)]
    [Upsample(ScaleFactor = 0.7, Mode = UpsampleMode.Linear, AlignCorners = true)]
    [Conv1d(2, Kernel = 1)]
    [Unflatten(2, 1, 1, 11)]
    [Conv3d(2, Kernel = 1)]
    [Upsample(ScaleFactor = 2)]
    [Conv3d(2, Kernel = 1)]
    [Upsample(Size = 3, Mode = UpsampleMode.Trilinear)]
    [Conv3d(2, Kernel = 1)]
    [Upsample(ScaleFactor = 1.5, Mode = UpsampleMode.Trilinear, AlignCorners = true)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradUpsample1d3d;

    /// <summary>Maxout over channels of a map and over features after ReLU; a ZeroPad2d that crops on two sides.</summary>
    [Model(2, 6, 5)]
    [Conv2d(6, Kernel = 3, Padding = 1), Maxout(3)]
    [Conv2d(4, Kernel = 1), ZeroPad2d(-1, 2, 1, -2)]
    [Flatten]
    [Linear(12), ReLU, Maxout(4)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradMaxoutAndCrop;

    /// <summary>Maxout over exact ties: nearest upsampling doubles each value, so every pair of pieces is tied and δ is shared evenly (as amax's gradient shares it).</summary>
    [Model(2, 5)]
    [Conv1d(1, Kernel = 2)]
    [Upsample(ScaleFactor = 2)]
    [Flatten]
    [Maxout(2)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradMaxoutTies;

    /// <summary>Maxout per position of a sequence and the sinusoidal positional encoding.</summary>
    [Model(5, SequenceLength = "L")]
    [Linear(8), Maxout(2)]
    [Linear(6), PositionalEncoding]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradSequenceMaxoutPositional;

    /// <summary>Dropout between stacked recurrent layers: a three-layer bidirectional LSTM, a two-layer GRU's final state.</summary>
    [Model(4, SequenceLength = "L")]
    [Linear(5)]
    [LSTM(6, NumLayers = 3, Bidirectional = true, Dropout = 0.4)]
    [GRU(4, NumLayers = 2, Dropout = 0.5, ReturnSequences = false)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradRecurrentDropout;

    /// <summary>Dropout between the layers of a bidirectional ReLU RNN returning its final state.</summary>
    [Model(3, SequenceLength = "L")]
    [Linear(4)]
    [RNN(5, NumLayers = 2, Bidirectional = true, Dropout = 0.3, Nonlinearity = RnnNonlinearity.ReLU, ReturnSequences = false)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradRnnDropout;
}

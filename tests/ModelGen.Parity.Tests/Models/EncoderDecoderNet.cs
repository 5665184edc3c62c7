using ModelGen;

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>
    /// A small encoder-decoder over 1×12×12 images whose every kind got its backward rule last:
    /// a reflect-padded convolution, GroupNorm, Maxout over channel pairs, a transposed convolution
    /// that doubles the size, InstanceNorm2d, bilinear downsampling, L2 pooling, SELU with alpha
    /// dropout. 1×12×12 → 8×12×12 → 4×12×12 (Maxout) → 4×24×24 → 4×12×12 → 4×6×6 → 144 → 16 → 3;
    /// 80 + 16 + 64 + 8 + 2,320 + 51 = 2,539 parameters (the transposed convolution has no bias: InstanceNorm2d would cancel it).
    /// </summary>
    [Model(1, 12, 12)]
    [Conv2d(8, Kernel = 3, Padding = 1, PaddingMode = PaddingMode.Reflect), GroupNorm(2), Maxout(2)]
    [ConvTranspose2d(4, Kernel = 2, Stride = 2, Bias = false), InstanceNorm2d(Affine = true)]
    [Upsample(ScaleFactor = 0.5, Mode = UpsampleMode.Bilinear)]
    [LPPool2d(2, 2)]
    [Flatten]
    [Linear(16), SELU, AlphaDropout(0.1)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
    public partial class EncoderDecoderNet;
}

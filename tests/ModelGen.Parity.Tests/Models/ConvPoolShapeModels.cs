using ModelGen;

// One small model per convolution, pooling and shape kind (and per argument form). Each is
// checked against TorchSharp by ConvPoolShapeParityTests; the comments work the output size out
// by hand: convolution and pooling out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 (ceil in ceil
// mode), transposed convolution out = (W − 1)·S − 2P + D·(F − 1) + OutputPadding + 1.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>Conv1d: L = floor((21 + 2 − 3) / 2) + 1 = 11; 5·3·3 + 5 = 50 parameters.</summary>
    [Model(3, 21)]
    [Conv1d(5, Kernel = 3, Stride = 2, Padding = 1)]
    public partial class Conv1dStridePadding;

    /// <summary>Conv1d 'same' with an even, dilated kernel (PyTorch pads 2·3 = 6 in total): L stays 15.</summary>
    [Model(4, 15)]
    [Conv1d(6, Kernel = 4, Dilation = 2, AutoPad = AutoPad.Same)]
    public partial class Conv1dSame;

    /// <summary>Conv1d with reflect padding 2 (&lt; 10): L = (10 + 4 − 3) / 1 + 1 = 12.</summary>
    [Model(2, 10)]
    [Conv1d(4, Kernel = 3, Padding = 2, PaddingMode = PaddingMode.Reflect)]
    public partial class Conv1dReflect;

    /// <summary>The zoo's grouped_conv: 16×28×28 → 32×26×26; 32·(16/4)·9 + 32 = 1,184 parameters.</summary>
    [Model(16, 28, 28)]
    [Conv2d(32, Kernel = 3, Groups = 4)]
    public partial class Conv2dGrouped;

    /// <summary>Depthwise (groups = channels), no bias: 8×10×10 → 8×10×10; 8·1·9 = 72 parameters.</summary>
    [Model(8, 10, 10)]
    [Conv2d(8, Kernel = 3, Padding = 1, Groups = 8, Bias = false)]
    public partial class Conv2dDepthwise;

    /// <summary>'same' with circular padding: 3×9×7 → 4×9×7.</summary>
    [Model(3, 9, 7)]
    [Conv2d(4, Kernel = 3, AutoPad = AutoPad.Same, PaddingMode = PaddingMode.Circular)]
    public partial class Conv2dSameCircular;

    /// <summary>Replicate padding 2: (6 + 4 − 3) / 1 + 1 = 8.</summary>
    [Model(2, 6, 6)]
    [Conv2d(3, Kernel = 3, Padding = 2, PaddingMode = PaddingMode.Replicate)]
    public partial class Conv2dReplicate;

    /// <summary>'valid': (8 − 3) / 1 + 1 = 6.</summary>
    [Model(1, 8, 8)]
    [Conv2d(2, Kernel = 3, AutoPad = AutoPad.Valid)]
    public partial class Conv2dValid;

    /// <summary>Conv3d: D = (6 + 2 − 3) / 1 + 1 = 6, H = W = (9 + 2 − 3) / 2 + 1 = 5; 4·2·27 + 4 = 220 parameters.</summary>
    [Model(2, 6, 9, 9)]
    [Conv3d(4, Kernel = 3, Stride = 2, StrideDepth = 1, Padding = 1)]
    public partial class Conv3dStrided;

    /// <summary>ConvTranspose1d: L = (7 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 14; 4·2·3 + 2 = 26 parameters.</summary>
    [Model(4, 7)]
    [ConvTranspose1d(2, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial class ConvTranspose1dUpsamples;

    /// <summary>ConvTranspose2d with groups: (5 − 1)·2 − 2 + 3 + 0 + 1 = 10; 8·(4/2)·16 + 4 = 260 parameters.</summary>
    [Model(8, 5, 5)]
    [ConvTranspose2d(4, Kernel = 4, Stride = 2, Padding = 1, Groups = 2)]
    public partial class ConvTranspose2dGrouped;

    /// <summary>
    /// Rectangular ConvTranspose2d: H = (4 − 1)·3 + 1·(3 − 1) + 1 + 1 = 13, W = (6 − 1)·1 + 2·(2 − 1) + 1 + 1 = 9
    /// (output padding 1 is below the height's stride 3 and the width's dilation 2); 3·2·3·2 = 36 parameters.
    /// </summary>
    [Model(3, 4, 6)]
    [ConvTranspose2d(2, KernelHeight = 3, KernelWidth = 2, StrideHeight = 3, DilationWidth = 2, OutputPadding = 1, Bias = false)]
    public partial class ConvTranspose2dRectangular;

    /// <summary>MaxPool1d with dilation: (11 + 2 − 2·2 − 1) / 2 + 1 = 5.</summary>
    [Model(3, 11)]
    [MaxPool1d(3, Stride = 2, Padding = 1, Dilation = 2)]
    public partial class MaxPool1dDilated;

    /// <summary>Ceil mode keeps the partial window: ceil((8 − 3) / 2) + 1 = 4 (floor would give 3).</summary>
    [Model(2, 8, 8)]
    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    public partial class MaxPool2dCeil;

    /// <summary>
    /// Ceil mode drops a last window that would start in the padding: ceil((5 − 2 + 2) / 2) + 1 = 4,
    /// but (4 − 1)·2 = 6 ≥ 5 + 1, so 3.
    /// </summary>
    [Model(1, 5, 5)]
    [MaxPool2d(2, Padding = 1, CeilMode = true)]
    public partial class MaxPool2dCeilDropsLast;

    /// <summary>MaxPool2d with dilation: (9 − 2·(2 − 1) − 1) / 1 + 1 = 7.</summary>
    [Model(1, 9, 9)]
    [MaxPool2d(2, Stride = 1, Dilation = 2)]
    public partial class MaxPool2dDilated;

    /// <summary>MaxPool3d: 2×4×6×6 → 2×2×3×3.</summary>
    [Model(2, 4, 6, 6)]
    [MaxPool3d(2)]
    public partial class MaxPool3dDefault;

    /// <summary>AvgPool1d without counting padding: (9 + 2 − 3) / 2 + 1 = 5.</summary>
    [Model(4, 9)]
    [AvgPool1d(3, Stride = 2, Padding = 1, CountIncludePad = false)]
    public partial class AvgPool1dExcludePad;

    /// <summary>AvgPool2d in ceil mode: ceil((6 + 2 − 3) / 3) + 1 = 3; (3 − 1)·3 = 6 &lt; 6 + 1 keeps it.</summary>
    [Model(3, 6, 6)]
    [AvgPool2d(3, Stride = 3, Padding = 1, CeilMode = true)]
    public partial class AvgPool2dCeil;

    /// <summary>AvgPool3d: D = (5 − 2) / 1 + 1 = 4, H = (6 − 2) / 2 + 1 = 3, W = (8 + 2 − 2) / 2 + 1 = 5.</summary>
    [Model(1, 5, 6, 8)]
    [AvgPool3d(2, StrideDepth = 1, PaddingWidth = 1)]
    public partial class AvgPool3dMixed;

    /// <summary>L2 pooling over a sequence: 12 / 3 = 4.</summary>
    [Model(2, 12)]
    [LPPool1d(2, 3)]
    public partial class LPPool1dL2;

    /// <summary>L2 pooling with a 2×3 window: H = 8 / 2 = 4, W = 9 / 3 = 3.</summary>
    [Model(3, 8, 9)]
    [LPPool2d(2, 2, KernelWidth = 3)]
    public partial class LPPool2dRectangular;

    /// <summary>AdaptiveAvgPool1d: 4×10 → 4×3.</summary>
    [Model(4, 10)]
    [AdaptiveAvgPool1d(3)]
    public partial class AdaptiveAvgPool1dThree;

    /// <summary>Global average pooling: 8×5×5 → 8×1×1 → 8.</summary>
    [Model(8, 5, 5)]
    [AdaptiveAvgPool2d(1), Flatten]
    public partial class GlobalAveragePooling;

    /// <summary>An adaptive output larger than the input is fine in PyTorch: 2×3×3 → 2×5×4.</summary>
    [Model(2, 3, 3)]
    [AdaptiveAvgPool2d(5, 4)]
    public partial class AdaptiveAvgPool2dLarger;

    /// <summary>AdaptiveMaxPool2d: 3×7×9 → 3×2×3.</summary>
    [Model(3, 7, 9)]
    [AdaptiveMaxPool2d(2, 3)]
    public partial class AdaptiveMaxPool2dRectangular;

    /// <summary>Flatten from dimension 2: 2×3×4 → 2×12.</summary>
    [Model(2, 3, 4)]
    [Flatten(2)]
    public partial class FlattenFromTwo;

    /// <summary>Flatten the middle: 2×3×4×5 with dims 2…3 → 2×12×5; then −2…−1 → 2×60.</summary>
    [Model(2, 3, 4, 5)]
    [Flatten(2, 3), Flatten(-2, -1)]
    public partial class FlattenMiddle;

    /// <summary>Unflatten 48 into a 3×4×4 map, which Conv2d reads channels first: (4 − 3) / 1 + 1 = 2.</summary>
    [Model(48)]
    [Unflatten(1, 3, 4, 4), Conv2d(2, Kernel = 3)]
    public partial class UnflattenToFeatureMap;

    /// <summary>Unflatten with an inferred size: 2×12 → 2×3×4.</summary>
    [Model(2, 12)]
    [Unflatten(-1, 3, -1)]
    public partial class UnflattenInferred;

    /// <summary>Nearest upsampling by 2: 3×4×5 → 3×8×10.</summary>
    [Model(3, 4, 5)]
    [Upsample(ScaleFactor = 2)]
    public partial class UpsampleNearest;

    /// <summary>Bilinear upsampling to a size: 2×4×4 → 2×7×7.</summary>
    [Model(2, 4, 4)]
    [Upsample(Size = 7, Mode = UpsampleMode.Bilinear, AlignCorners = true)]
    public partial class UpsampleBilinearSize;

    /// <summary>Linear upsampling of a sequence by 1.5: floor(5 · 1.5) = 7.</summary>
    [Model(2, 5)]
    [Upsample(ScaleFactor = 1.5, Mode = UpsampleMode.Linear)]
    public partial class UpsampleLinear;

    /// <summary>ZeroPad2d(left 1, right 2, top 3, bottom 0): 2×4×5 → 2×7×8.</summary>
    [Model(2, 4, 5)]
    [ZeroPad2d(1, 2, 3, 0)]
    public partial class ZeroPad2dSides;

    /// <summary>ZeroPad2d(−1) crops one from every side: 1×5×5 → 1×3×3.</summary>
    [Model(1, 5, 5)]
    [ZeroPad2d(-1)]
    public partial class ZeroPad2dCrop;

    /// <summary>Identity: 3×4 unchanged.</summary>
    [Model(3, 4)]
    [Identity]
    public partial class IdentityOnly;

    /// <summary>Ceil mode lets a window larger than the input fit: ceil((5 − 6) / 2) + 1 = 1 (floor would give 0).</summary>
    [Model(1, 5)]
    [AvgPool1d(6, Stride = 2, CeilMode = true)]
    public partial class AvgPool1dCeilWiderThanInput;

    /// <summary>The generator snapshot's model (ConvPoolShapeSnapshotTests.VisionTour), run for real: 3×32×32 → 3.</summary>
    [Model(3, 32, 32)]
    [Conv2d(16, Kernel = 3, AutoPad = AutoPad.Same, PaddingMode = PaddingMode.Reflect), ReLU]
    [Conv2d(16, Kernel = 3, Padding = 1, Groups = 16, Bias = false)]
    [MaxPool2d(2, CeilMode = true), LPPool2d(2, 2)]
    [ConvTranspose2d(8, Kernel = 2, Stride = 2), Upsample(Size = 8, Mode = UpsampleMode.Bilinear)]
    [ZeroPad2d(1), AdaptiveAvgPool2d(4), Flatten(2)]
    [Conv1d(4, Kernel = 3, Padding = 1), AvgPool1d(2, CountIncludePad = false), Flatten]
    [Unflatten(1, 1, 2, 4, 4), Conv3d(2, Kernel = 1), MaxPool3d(2)]
    [Flatten, Identity, Linear(3)]
    public partial class VisionTour;
}

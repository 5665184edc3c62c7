using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The validations of the convolution, pooling and shape kinds: each fires on the attribute that
/// breaks, with its complete message, and nothing else is reported. Numbers worked out by hand
/// from out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 and out = (W − 1)·S − 2P + D·(F − 1) + OutputPadding + 1.
/// </summary>
public sealed class ConvPoolShapeDiagnosticTests
{
    [Theory]
    [InlineData("[Model(3, 8, 8)]", "Conv2d(30, Kernel = 3, Groups = 4)",
        "Conv2d(30, Kernel = 3, Groups = 4): the 30 output channels are not divisible by Groups = 4; use a number of groups that divides both channel counts")]
    [InlineData("[Model(6, 8, 8)]", "Conv2d(8, Kernel = 3, Groups = 4)",
        "Conv2d(8, Kernel = 3, Groups = 4): the model input is 6×8×8, whose 6 channels are not divisible by Groups = 4; use a number of groups that divides both channel counts")]
    [InlineData("[Model(4, 8, 8)]", "ConvTranspose2d(6, Kernel = 3, Groups = 4)",
        "ConvTranspose2d(6, Kernel = 3, Groups = 4): the 6 output channels are not divisible by Groups = 4; use a number of groups that divides both channel counts")]
    [InlineData("[Model(1, 8, 8)]", "Conv2d(4, Kernel = 3, Groups = 0)", "Conv2d(4, Kernel = 3, Groups = 0): Groups must be positive, got 0")]
    [InlineData("[Model(1, 8, 8)]", "Conv2d(4, Kernel = 3, Stride = 2, AutoPad = AutoPad.Same)",
        "Conv2d(4, Kernel = 3, Stride = 2, AutoPad = AutoPad.Same): AutoPad.Same needs stride 1, got 2; PyTorch does not support padding='same' for strided convolutions, so give the Padding numbers instead")]
    [InlineData("[Model(1, 8)]", "Conv1d(4, Kernel = 3, Padding = 1, AutoPad = AutoPad.Valid)",
        "Conv1d(4, Kernel = 3, Padding = 1, AutoPad = AutoPad.Valid): AutoPad.Valid sets the padding itself; remove Padding = 1")]
    [InlineData("[Model(1, 3, 3)]", "Conv2d(2, Kernel = 3, Padding = 3, PaddingMode = PaddingMode.Reflect)",
        "Conv2d(2, Kernel = 3, Padding = 3, PaddingMode = PaddingMode.Reflect): the model input is 1×3×3, and PaddingMode.Reflect needs a padding less than the input's height 3, got 3; lower the padding or use PaddingMode.Zeros or PaddingMode.Replicate")]
    [InlineData("[Model(1, 2, 2)]", "Conv2d(2, Kernel = 3, Padding = 3, PaddingMode = PaddingMode.Circular)",
        "Conv2d(2, Kernel = 3, Padding = 3, PaddingMode = PaddingMode.Circular): the model input is 1×2×2, and PaddingMode.Circular needs a padding at most the input's height 2, got 3; lower the padding or use PaddingMode.Zeros or PaddingMode.Replicate")]
    [InlineData("[Model(1, 8, 8)]", "Conv3d(2, Kernel = 3, Dilation = -1)", "Conv3d(2, Kernel = 3, Dilation = -1): the dilation must be positive, got -1")]
    [InlineData("[Model(1, 8, 8)]", "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPadding = 2)",
        "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPadding = 2): the output padding must be smaller than the stride or the dilation, but on the height axis it is 2 with stride 2 and dilation 1")]
    [InlineData("[Model(1, 8, 8)]", "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPaddingWidth = 1)",
        "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPaddingWidth = 1): TorchSharp applies the first axis's output padding to every axis, so the output padding must be the same on every axis, got 0×1; adjust the shape with a ZeroPad2d after the layer instead")]
    [InlineData("[Model(1, 8)]", "MaxPool1d(2, Padding = 2)", "MaxPool1d(2, Padding = 2): padding must be at most half the window (2), got 2")]
    [InlineData("[Model(1, 8, 8)]", "AvgPool2d(2, Stride = 0)", "AvgPool2d(2, Stride = 0): the stride must be positive, got 0")]
    [InlineData("[Model(1, 8, 8)]", "LPPool2d(0, 2)", "LPPool2d(0, 2): the norm type p must be positive, got 0")]
    [InlineData("[Model(1, 8, 8)]", "AdaptiveAvgPool2d(0)", "AdaptiveAvgPool2d(0): the output size must be positive, got 0")]
    [InlineData("[Model(1, 8, 8)]", "AdaptiveMaxPool2d(1, 2, 3)", "AdaptiveMaxPool2d(1, 2, 3): give one output size or 2 (one per axis), got 3")]
    [InlineData("[Model(1, 8, 8)]", "Flatten(0)", "Flatten(0): StartDim = 0 would flatten the batch dimension into the features; start at 1 (the first dimension after the batch)")]
    [InlineData("[Model(1, 8, 8)]", "Flatten(4)", "Flatten(4): the model input is 1×8×8, whose dimensions after the batch are 1 to 3 (or −3 to −1), so StartDim = 4 is out of range")]
    [InlineData("[Model(1, 8, 8)]", "Flatten(3, 2)", "Flatten(3, 2): StartDim = 3 comes after EndDim = 2 for 1×8×8 (the model input is 1×8×8); swap them")]
    [InlineData("[Model(50)]", "Unflatten(1, 4, 4, 4)", "Unflatten(1, 4, 4, 4): the model input is 50, but the sizes 4×4×4 multiply to 64, not the 50 of dimension 1; give sizes whose product is 50")]
    [InlineData("[Model(50)]", "Unflatten(1, 3, -1)", "Unflatten(1, 3, -1): the model input is 50, but its dimension 1 (50) is not a multiple of 3, the product of the sizes of 3×? other than −1; give sizes whose product is 50")]
    [InlineData("[Model(50)]", "Unflatten(1, -1, -1)", "Unflatten(1, -1, -1): every size must be positive, with at most one −1 to infer, got (-1, -1)")]
    [InlineData("[Model(3, 8, 8)]", "Upsample", "Upsample: give exactly one of Size and ScaleFactor")]
    [InlineData("[Model(3, 8, 8)]", "Upsample(Size = 4, ScaleFactor = 2)", "Upsample(Size = 4, ScaleFactor = 2): give exactly one of Size and ScaleFactor")]
    [InlineData("[Model(3, 8, 8)]", "Upsample(ScaleFactor = 2, AlignCorners = true)",
        "Upsample(ScaleFactor = 2, AlignCorners = true): AlignCorners only applies to the linear modes (Linear, Bilinear, Bicubic, Trilinear), not Nearest; remove it")]
    [InlineData("[Model(3, 8, 8)]", "ZeroPad2d(1, 2)", "ZeroPad2d(1, 2): give one padding for every side or four (left, right, top, bottom), got 2")]
    public Task MG0002_InvalidArguments_ReportedOnTheAttribute(string model, string layer, string message) =>
        AnalyzerTest.VerifyAsync(Source($"{model}\n[{{|#0:{layer}|}}]\npublic partial class Net {{ }}"), At(0, InvalidArgument, message));

    [Theory]
    [InlineData("[Model(2, 4)]", "Conv1d(3, Kernel = 5)", "Conv1d(3, Kernel = 5) needs an input of at least 5 but the model input is 2×4: length = floor((4 − 5 + 2·0) / 1) + 1 = 0")]
    [InlineData("[Model(2, 4)]", "Conv1d(3, Kernel = 7, Padding = 1)", "Conv1d(3, Kernel = 7, Padding = 1) needs an input of at least 5 but the model input is 2×4: length = floor((4 − 7 + 2·1) / 1) + 1 = 0")]
    [InlineData("[Model(1, 2, 8, 8)]", "MaxPool3d(3)", "MaxPool3d(3) needs an input of at least 3×3×3 but the model input is 1×2×8×8: depth = floor((2 − 3 + 2·0) / 3) + 1 = 0")]
    [InlineData("[Model(1, 6, 6)]", "MaxPool2d(2, Dilation = 7)", "MaxPool2d(2, Dilation = 7) needs an input of at least 8×8 but the model input is 1×6×6: height = floor((6 + 2·0 − 7·(2 − 1) − 1) / 2) + 1 = 0")]
    [InlineData("[Model(1, 3)]", "AvgPool1d(6, Stride = 2, CeilMode = true)", "AvgPool1d(6, Stride = 2, CeilMode = true) needs an input of at least 5 but the model input is 1×3: length = ceil((3 − 6 + 2·0) / 2) + 1 = 0")]
    [InlineData("[Model(1, 2)]", "ConvTranspose1d(1, Kernel = 1, Padding = 1)", "ConvTranspose1d(1, Kernel = 1, Padding = 1) has an empty output because the model input is 1×2: length = (2 − 1)·1 − 2·1 + 1·(1 − 1) + 0 + 1 = 0; lower the padding")]
    [InlineData("[Model(1, 2, 5)]", "ZeroPad2d(-1)", "ZeroPad2d(-1) crops more than there is: the model input is 1×2×5, so the output would be 0×3")]
    [InlineData("[Model(1, 2, 2)]", "Upsample(ScaleFactor = 0.25)", "Upsample(ScaleFactor = 0.25) gives an empty output because the model input is 1×2×2: height = floor(2 · 0.25) = 0; use a larger scale factor")]
    public Task MG0001_EmptyOutputs_NameTheFormula(string model, string layer, string message) =>
        AnalyzerTest.VerifyAsync(Source($"{model}\n[{{|#0:{layer}|}}]\npublic partial class Net {{ }}"), At(0, EmptyOutput, message));

    [Theory]
    [InlineData("[Model(1, 8, 8)]", "Conv1d(4, Kernel = 3)", "Conv1d(4, Kernel = 3) needs a C×L feature map but the model input is 1×8×8")]
    [InlineData("[Model(1, 8, 8)]", "Conv3d(4, Kernel = 3)", "Conv3d(4, Kernel = 3) needs a C×D×H×W feature map but the model input is 1×8×8")]
    [InlineData("[Model(1, 8)]", "AdaptiveAvgPool2d(1)", "AdaptiveAvgPool2d(1) needs a C×H×W feature map but the model input is 1×8")]
    [InlineData("[Model(3, 10)]", "Upsample(ScaleFactor = 2, Mode = UpsampleMode.Bilinear)", "Upsample(ScaleFactor = 2, Mode = UpsampleMode.Bilinear) (bilinear) needs a C×H×W feature map but the model input is 3×10")]
    [InlineData("[Model(10)]", "ZeroPad2d(1)", "ZeroPad2d(1) needs a C×H×W feature map (or H×W) but the model input is 10")]
    public Task MG0007_WrongRank_ReportedOnTheAttribute(string model, string layer, string message) =>
        AnalyzerTest.VerifyAsync(Source($"{model}\n[{{|#0:{layer}|}}]\npublic partial class Net {{ }}"), At(0, RankMismatch, message));

    [Fact]
    public Task MG0003_StrideRemainderOnTheLengthAxis() =>
        // (7 − 3) = 4 is not a multiple of 3: floor(4 / 3) + 1 = 2, one position never read.
        AnalyzerTest.VerifyAsync(
            Source("[Model(2, 7)]\n[{|#0:Conv1d(2, Kernel = 3, Stride = 3)|}]\npublic partial class Net { }"),
            At(0, StrideRemainder, "Conv1d(2, Kernel = 3, Stride = 3): the model input is 2×7, and on the length axis 4 is not a multiple of the stride 3 (length = floor((7 − 3 + 2·0) / 3) + 1 = 2); the last position of the padded input is never read"));

    [Fact]
    public Task ValidDeclarationsOfTheFamilyReportNothing() =>
        // An adaptive output larger than its input is fine in PyTorch; so are ceil mode, 'same' and grouped convolutions.
        AnalyzerTest.VerifyAsync(Source("""
            [Model(16, 28, 28)]
            [Conv2d(32, Kernel = 3, Groups = 4), ReLU]
            [Conv2d(32, Kernel = 3, Groups = 32, AutoPad = AutoPad.Same, PaddingMode = PaddingMode.Reflect)]
            [MaxPool2d(3, Stride = 2, CeilMode = true)]
            [AdaptiveAvgPool2d(20, 30)]
            [Upsample(ScaleFactor = 2, Mode = UpsampleMode.Bilinear), ZeroPad2d(1, 0, 1, 0)]
            [ConvTranspose2d(8, Kernel = 2, Stride = 2), Flatten(2), Unflatten(2, 82, -1), Identity]
            [Flatten, Linear(10)]
            public partial class Fine { }
            """));
}

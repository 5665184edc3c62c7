using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>The generated code of a model that uses the convolution, pooling and shape kinds, byte for byte.</summary>
public sealed class ConvPoolShapeSnapshotTests
{
    /// <summary>
    /// 3×32×32 → same conv 16×32×32 → depthwise 16×32×32 → ceil max pool 16×16×16 → L2 pool 16×8×8 →
    /// transposed 8×16×16 → bilinear 8×8×8 → pad 8×10×10 → adaptive 8×4×4 → Flatten(2) 8×16 →
    /// Conv1d 4×16 → AvgPool1d 4×8 → 32 → Unflatten 1×2×4×4 → Conv3d 2×2×4×4 → MaxPool3d 2×1×2×2 → 8 → 3.
    /// </summary>
    public const string Source = """
        using ModelGen;

        namespace Samples.Vision;

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
        """;

    [Fact]
    public void VisionTour()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(Source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".cs", string.Empty));
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Generator.Tests.Infrastructure;
using ModelGen.Roslyn;
using Xunit;

namespace ModelGen.Generator.Tests.Domain;

/// <summary>
/// Convolution, pooling and shape kinds, read from real attributes and inferred. Expected numbers
/// are worked out by hand: out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 (ceil in a pool's ceil
/// mode, less one when the last window would start in the padding); transposed
/// out = (W − 1)·S − 2P + D·(F − 1) + OutputPadding + 1; conv parameters out·(C/groups)·ΠF + out.
/// </summary>
public sealed class ConvPoolShapeTests
{
    [Fact]
    public void GroupedConvolutionHasTheZooNumbers()
    {
        ModelPlan plan = Infer("[Model(16, 28, 28)] [Conv2d(32, Kernel = 3, Groups = 4)]");

        // 32·(16/4)·3·3 + 32 = 1,184 parameters; 1,184 × 26·26 = 800,384 mult-adds; weights only 1,152 × 676.
        Assert.Empty(plan.Problems);
        Assert.Equal(new[] { 32, 26, 26 }, plan.OutputShape.ToArray());
        Assert.Equal(1184, plan.TotalParameters);
        Assert.Equal(800384, plan.TotalMultAdds);
        Assert.Equal(1152 * 676, plan.TotalWeightMultAdds);
    }

    [Fact]
    public void AlexNetHasTorchvisionsNumbers()
    {
        ModelPlan plan = Infer("""
            [Model(3, 224, 224)]
            [Conv2d(64, Kernel = 11, Stride = 4, Padding = 2), ReLU, MaxPool2d(3, Stride = 2)]
            [Conv2d(192, Kernel = 5, Padding = 2), ReLU, MaxPool2d(3, Stride = 2)]
            [Conv2d(384, Kernel = 3, Padding = 1), ReLU]
            [Conv2d(256, Kernel = 3, Padding = 1), ReLU]
            [Conv2d(256, Kernel = 3, Padding = 1), ReLU, MaxPool2d(3, Stride = 2)]
            [AdaptiveAvgPool2d(6), Flatten]
            [Dropout(0.5), Linear(4096), ReLU, Dropout(0.5), Linear(4096), ReLU, Linear(1000)]
            """);

        Assert.False(plan.HasErrors);

        // conv1: (224 + 4 − 11) / 4 + 1 = 55 (217 is not a multiple of 4: the last row and column are never read).
        Assert.Equal(new[] { 64, 55, 55 }, plan.Layers[0].OutputShape.ToArray());
        Assert.Equal(new[] { 256, 6, 6 }, plan.Layers[13].OutputShape.ToArray());
        Assert.Equal(9216, plan.Layers[16].InFeatures);

        // 23,296 + 307,392 + 663,936 + 884,992 + 590,080 + 37,752,832 + 16,781,312 + 4,097,000.
        Assert.Equal(61100840, plan.TotalParameters);

        // Weights × positions: 23,232·55² + 307,200·27² + 663,552·13² + 884,736·13² + 589,824·13² + 37,748,736 + 16,777,216 + 4,096,000 ≈ 0.714 G.
        Assert.Equal(714188480, plan.TotalWeightMultAdds);

        // Biases add out × positions: 64·3,025 + 192·729 + (384 + 256 + 256)·169 + 4,096 + 4,096 + 1,000.
        Assert.Equal(714188480 + 193600 + 139968 + 151424 + 9192, plan.TotalMultAdds);
    }

    [Theory]
    // declaration, input, expected output
    [InlineData("Conv1d(5, Kernel = 3, Stride = 2, Padding = 1)", "3, 21", new[] { 5, 11 })]                  // (21 + 2 − 3) / 2 + 1
    [InlineData("Conv1d(6, Kernel = 4, Dilation = 2, AutoPad = AutoPad.Same)", "4, 15", new[] { 6, 15 })]     // 'same'
    [InlineData("Conv2d(2, Kernel = 3, AutoPad = AutoPad.Valid)", "1, 8, 8", new[] { 2, 6, 6 })]             // (8 − 3) + 1
    [InlineData("Conv3d(4, Kernel = 3, Stride = 2, StrideDepth = 1, Padding = 1)", "2, 6, 9, 9", new[] { 4, 6, 5, 5 })]
    [InlineData("Conv3d(1, Kernel = 1, KernelDepth = 3, DilationDepth = 2)", "1, 7, 4, 4", new[] { 1, 3, 4, 4 })] // 7 − 2·2
    [InlineData("ConvTranspose1d(2, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1)", "4, 7", new[] { 2, 14 })] // 6·2 − 2 + 2 + 1 + 1
    [InlineData("ConvTranspose2d(4, Kernel = 4, Stride = 2, Padding = 1, Groups = 2)", "8, 5, 5", new[] { 4, 10, 10 })] // 4·2 − 2 + 3 + 1
    [InlineData("MaxPool1d(3, Stride = 2, Padding = 1, Dilation = 2)", "3, 11", new[] { 3, 5 })]             // (11 + 2 − 4 − 1) / 2 + 1
    [InlineData("MaxPool2d(3, Stride = 2, CeilMode = true)", "2, 8, 8", new[] { 2, 4, 4 })]                  // ceil(5 / 2) + 1
    [InlineData("MaxPool2d(2, Padding = 1, CeilMode = true)", "1, 5, 5", new[] { 1, 3, 3 })]                 // ceil(5 / 2) + 1 = 4, (4 − 1)·2 ≥ 5 + 1
    [InlineData("AvgPool2d(3, Stride = 3, Padding = 1, CeilMode = true)", "3, 6, 6", new[] { 3, 3, 3 })]     // ceil(5 / 3) + 1 = 3, 6 < 7 keeps it
    [InlineData("AvgPool3d(2, StrideDepth = 1, PaddingWidth = 1)", "1, 5, 6, 8", new[] { 1, 4, 3, 5 })]
    [InlineData("MaxPool3d(2)", "2, 4, 6, 6", new[] { 2, 2, 3, 3 })]
    [InlineData("LPPool1d(2, 3)", "2, 12", new[] { 2, 4 })]
    [InlineData("LPPool2d(2, 2, KernelWidth = 3)", "3, 8, 9", new[] { 3, 4, 3 })]
    [InlineData("AdaptiveAvgPool1d(3)", "4, 10", new[] { 4, 3 })]
    [InlineData("AdaptiveAvgPool2d(1)", "8, 5, 5", new[] { 8, 1, 1 })]
    [InlineData("AdaptiveAvgPool2d(5, 4)", "2, 3, 3", new[] { 2, 5, 4 })]                                    // larger than the input: fine in PyTorch
    [InlineData("AdaptiveMaxPool2d(2, 3)", "3, 7, 9", new[] { 3, 2, 3 })]
    [InlineData("Flatten", "2, 3, 4", new[] { 24 })]
    [InlineData("Flatten(2)", "2, 3, 4", new[] { 2, 12 })]
    [InlineData("Flatten(2, 3)", "2, 3, 4, 5", new[] { 2, 12, 5 })]
    [InlineData("Flatten(-2, -1)", "2, 3, 4", new[] { 2, 12 })]
    [InlineData("Unflatten(1, 3, 4, 4)", "48", new[] { 3, 4, 4 })]
    [InlineData("Unflatten(-1, 3, -1)", "2, 12", new[] { 2, 3, 4 })]
    [InlineData("Upsample(ScaleFactor = 2)", "3, 4, 5", new[] { 3, 8, 10 })]
    [InlineData("Upsample(ScaleFactor = 1.5, Mode = UpsampleMode.Linear)", "2, 5", new[] { 2, 7 })]       // floor(7.5)
    [InlineData("Upsample(Size = 7, Mode = UpsampleMode.Bilinear)", "2, 4, 4", new[] { 2, 7, 7 })]
    [InlineData("ZeroPad2d(1, 2, 3, 0)", "2, 4, 5", new[] { 2, 7, 8 })]                                      // H 4 + 3 + 0, W 5 + 1 + 2
    [InlineData("ZeroPad2d(-1)", "1, 5, 5", new[] { 1, 3, 3 })]
    [InlineData("Identity", "3, 4", new[] { 3, 4 })]
    public void OutputShapesFollowTheFormulas(string layer, string input, int[] expected)
    {
        ModelPlan plan = Infer($"[Model({input})] [{layer}]");
        Assert.Empty(plan.Problems);
        Assert.Equal(expected, plan.OutputShape.ToArray());
    }

    [Theory]
    [InlineData("Conv1d(5, Kernel = 3)", "3, 20", 5 * 3 * 3 + 5)]
    [InlineData("Conv2d(8, Kernel = 3, Padding = 1, Groups = 8, Bias = false)", "8, 10, 10", 8 * 1 * 9)]     // depthwise
    [InlineData("Conv3d(4, Kernel = 3)", "2, 6, 6, 6", 4 * 2 * 27 + 4)]
    [InlineData("ConvTranspose1d(2, Kernel = 3)", "4, 7", 4 * 2 * 3 + 2)]
    [InlineData("ConvTranspose2d(4, Kernel = 4, Groups = 2)", "8, 5, 5", 8 * 2 * 16 + 4)]                  // in·(out/groups)·F·F + out
    public void ParametersFollowTheFormulas(string layer, string input, long expected) =>
        Assert.Equal(expected, Infer($"[Model({input})] [{layer}]").TotalParameters);

    [Fact]
    public void TransposedConvolutionCountsParametersTimesOutputPositions()
    {
        // torchinfo treats every "Conv" alike: 26 parameters × 14 output positions; weights 24 × 14.
        ModelPlan plan = Infer("[Model(4, 7)] [ConvTranspose1d(2, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1)]");
        Assert.Equal(26 * 14, plan.TotalMultAdds);
        Assert.Equal(24 * 14, plan.TotalWeightMultAdds);
    }

    [Fact]
    public void ConvolutionsAndPoolsAreChannelsFirstSoLinearNeedsFlatten()
    {
        foreach (string layer in new[] { "Conv1d(4, Kernel = 3)", "MaxPool1d(2)", "AdaptiveAvgPool1d(3)", "LPPool1d(2, 2)", "ConvTranspose1d(2, Kernel = 2)" })
        {
            ModelPlan plan = Infer($"[Model(3, 12)] [{layer}, Linear(5)]");
            Assert.True(plan.Layers[0].ChannelsFirst, layer);
            Assert.Equal(ProblemKind.LinearNeedsFlatten, Assert.Single(plan.Problems).Kind);
        }

        // Unflatten into three dimensions reads channels first too; Identity keeps what it gets.
        Assert.True(Infer("[Model(48)] [Unflatten(1, 3, 4, 4)]").Layers[0].ChannelsFirst);
        Assert.False(Infer("[Model(16, 8)] [Identity]").Layers[0].ChannelsFirst);
    }

    [Fact]
    public void CeilModeNeverWarnsAboutUnreadRows()
    {
        // Floor mode: (8 − 3) = 5 is not a multiple of 2, one row and one column unread; ceil mode reads them.
        Assert.Equal(2, Infer("[Model(1, 8, 8)] [MaxPool2d(3, Stride = 2)]").Problems.Count(p => p.Kind == ProblemKind.StrideRemainder));
        Assert.Empty(Infer("[Model(1, 8, 8)] [MaxPool2d(3, Stride = 2, CeilMode = true)]").Problems);
    }

    [Fact]
    public void OneDimensionalAndThreeDimensionalAxesAreNamedInMessages()
    {
        ModelPlan oneD = Infer("[Model(2, 7)] [Conv1d(2, Kernel = 3, Stride = 3)]");
        Assert.Contains("on the length axis 4 is not a multiple of the stride 3 (length = floor((7 − 3 + 2·0) / 3) + 1 = 2); the last position of the padded input is never read", oneD.Problems[0].Message);

        ModelPlan threeD = Infer("[Model(1, 2, 8, 8)] [Conv3d(1, Kernel = 3)]");
        Assert.Equal("Conv3d(1, Kernel = 3) needs an input of at least 3×3×3 but the model input is 1×2×8×8: depth = floor((2 − 3 + 2·0) / 1) + 1 = 0", Assert.Single(threeD.Problems).Message);
    }

    [Fact]
    public void ReaderAppliesPerAxisOverridesAndPyTorchDefaults()
    {
        var conv = (ConvLayer.Spec)Read("[Model(1, 4, 9, 9)] [Conv3d(2, Kernel = 3, KernelDepth = 1, Stride = 2, StrideWidth = 1)]").Layers[0];
        Assert.Equal(Axes.Of(1, 3, 3), conv.Kernel);
        Assert.Equal(Axes.Of(2, 2, 1), conv.Stride);
        Assert.Equal(Axes.Of(0, 0, 0), conv.Padding);
        Assert.Equal((1, AutoPadSpec.Explicit, PaddingModeSpec.Zeros), (conv.Groups, conv.AutoPad, conv.PaddingMode));

        // A pool's stride defaults to its window on every axis that sets none.
        var pool = (PoolLayer.Spec)Read("[Model(1, 8, 8, 8)] [MaxPool3d(2, KernelDepth = 3, StrideHeight = 1)]").Layers[0];
        Assert.Equal(Axes.Of(3, 1, 2), pool.Stride);
        Assert.Equal(Axes.Of(1, 1, 1), pool.Dilation);
        Assert.Null(((PoolLayer.Spec)Read("[Model(1, 8)] [AvgPool1d(2)]").Layers[0]).Dilation);

        var lp = (LPPoolLayer.Spec)Read("[Model(1, 8, 8)] [LPPool2d(3, 2)]").Layers[0];
        Assert.Equal((3.0, Axes.Of(2, 2), Axes.Of(2, 2)), (lp.NormType, lp.Kernel, lp.Stride));

        Assert.Equal(Axes.Of(6, 6), ((AdaptivePoolLayer.Spec)Read("[Model(1, 8, 8)] [AdaptiveAvgPool2d(6)]").Layers[0]).OutputSize);
        Assert.Equal((1, -1), ((FlattenLayer.Spec)Read("[Model(4)] [Flatten]").Layers[0]) is var f ? (f.StartDim, f.EndDim) : default);
    }

    [Fact]
    public void DefaultsEqualTheAttributesOwn()
    {
        var conv = new Conv1dAttribute(2);
        var spec = (ConvLayer.Spec)Read("[Model(1, 8)] [Conv1d(2, Kernel = 3)]").Layers[0];
        Assert.Equal((conv.Stride, conv.Padding, conv.Dilation, conv.Groups, conv.Bias), (spec.Stride[0], spec.Padding[0], spec.Dilation[0], spec.Groups, spec.Bias));
        Assert.Equal((int)conv.AutoPad, (int)spec.AutoPad);
        Assert.Equal((int)conv.PaddingMode, (int)spec.PaddingMode);

        var pool = (PoolLayer.Spec)Read("[Model(1, 8, 8)] [AvgPool2d(2)]").Layers[0];
        Assert.Equal((new AvgPool2dAttribute(2).CeilMode, new AvgPool2dAttribute(2).CountIncludePad), (pool.CeilMode, pool.CountIncludePad));
        Assert.Equal(new MaxPool2dAttribute(2).Dilation, ((PoolLayer.Spec)Read("[Model(1, 8, 8)] [MaxPool2d(2)]").Layers[0]).Dilation!.Value[0]);

        var flatten = new FlattenAttribute();
        Assert.Equal((flatten.StartDim, flatten.EndDim), (1, -1));
    }

    [Fact]
    public void EnumValuesMirrorTheRuntimeEnums()
    {
        Assert.Equal(System.Enum.GetValues<AutoPad>().Select(v => (v.ToString(), (int)v)), System.Enum.GetValues<AutoPadSpec>().Select(v => (v.ToString(), (int)v)));
        Assert.Equal(System.Enum.GetValues<PaddingMode>().Select(v => (v.ToString(), (int)v)), System.Enum.GetValues<PaddingModeSpec>().Select(v => (v.ToString(), (int)v)));
        Assert.Equal(System.Enum.GetValues<UpsampleMode>().Select(v => (v.ToString(), (int)v)), System.Enum.GetValues<UpsampleModeSpec>().Select(v => (v.ToString(), (int)v)));
    }

    [Theory]
    [InlineData("[Model(1, 8, 8)] [Conv2d(4, Kernel = int.MaxValue)]")]
    [InlineData("[Model(1, 8, 8)] [Conv2d(int.MaxValue, Kernel = 3, Groups = int.MaxValue)]")]
    [InlineData("[Model(1, 8)] [ConvTranspose1d(4, Kernel = int.MaxValue, Stride = int.MaxValue)]")]
    [InlineData("[Model(1, 8)] [MaxPool1d(int.MaxValue, CeilMode = true)]")]
    [InlineData("[Model(1, 8, 8)] [Upsample(ScaleFactor = 1e300)]")]
    [InlineData("[Model(1, 8, 8)] [ZeroPad2d(int.MaxValue)]")]
    [InlineData("[Model(2147483647, 2147483647)] [Unflatten(2, -1, 2147483647)]")]
    [InlineData("[Model(1, 8, 8)] [Conv2d(4, Kernel = 3, AutoPad = (AutoPad)7, PaddingMode = (PaddingMode)9)]")]
    [InlineData("[Model(1, 8, 8)] [Flatten(int.MinValue, int.MaxValue)]")]
    [InlineData("[Model(1, 8, 8)] [AdaptiveAvgPool2d(1, 2, 3)]")]
    public void HostileArgumentsNeverThrow(string declaration)
    {
        ModelPlan plan = Infer(declaration);
        Assert.NotNull(plan);
    }

    private static ModelSpec Read(string declaration)
    {
        Compilation compilation = TestCompilation.Create("using ModelGen;\n" + declaration + " public partial class A;");
        return ModelSpecReader.Read(compilation.GetTypeByMetadataName("A")!, default).Spec;
    }

    private static ModelPlan Infer(string declaration) => ShapeInference.Infer(Read(declaration));
}

using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The validations of the normalization, noise and activation kinds: each fires at the attribute
/// with the full message, and nothing else is reported. Expected messages are written out by hand
/// from the rules (groups divide channels, PReLU has 1 or C slopes, Maxout's k divides the pieced
/// size, Hardtanh's MinVal &lt; MaxVal, probabilities in [0, 1), finite constants, ranks).
/// </summary>
public sealed class NormalizationActivationDiagnosticTests
{
    // ---- MG0002: arguments out of range ----

    [Theory]
    [InlineData("Dropout2d(1.0)", "Dropout2d(1.0): the drop probability must be in [0, 1), got 1")]
    [InlineData("Dropout2d(-0.25)", "Dropout2d(-0.25): the drop probability must be in [0, 1), got -0.25")]
    [InlineData("AlphaDropout(1.5)", "AlphaDropout(1.5): the drop probability must be in [0, 1), got 1.5")]
    [InlineData("AlphaDropout(double.NaN)", "AlphaDropout(double.NaN): the drop probability must be in [0, 1), got NaN")]
    [InlineData("GaussianNoise(-0.5)", "GaussianNoise(-0.5): the noise standard deviation must be zero or positive and finite, got -0.5")]
    [InlineData("GaussianNoise(double.PositiveInfinity)", "GaussianNoise(double.PositiveInfinity): the noise standard deviation must be zero or positive and finite, got Infinity")]
    [InlineData("BatchNorm3d(Eps = 0)", "BatchNorm3d(Eps = 0): Eps must be positive and finite, got 0")]
    [InlineData("LayerNorm(NormalizedDims = 0)", "LayerNorm(NormalizedDims = 0): NormalizedDims must be at least 1 (the last dimension), got 0")]
    [InlineData("LayerNorm(Eps = -1e-5)", "LayerNorm(Eps = -1e-5): Eps must be positive and finite, got -1E-05")]
    [InlineData("GroupNorm(0)", "GroupNorm(0): the number of groups must be positive, got 0")]
    [InlineData("InstanceNorm2d(Momentum = 2)", "InstanceNorm2d(Momentum = 2): Momentum must be in [0, 1], got 2")]
    [InlineData("BinaryStep(ValueAtZero = double.NaN)", "BinaryStep(ValueAtZero = double.NaN): ValueAtZero must be finite, got NaN")]
    [InlineData("PReLU(NumParameters = 0)", "PReLU(NumParameters = 0): NumParameters must be 1 (one shared slope) or the number of channels, got 0")]
    [InlineData("PReLU(Init = double.NegativeInfinity)", "PReLU(Init = double.NegativeInfinity): Init must be finite, got -Infinity")]
    [InlineData("ELU(Alpha = double.NaN)", "ELU(Alpha = double.NaN): Alpha must be finite, got NaN")]
    [InlineData("GELU(Approximate = (GeluApproximate)5)", "GELU(Approximate = (GeluApproximate)5): 5 is not a GeluApproximate; use GeluApproximate.None or GeluApproximate.Tanh")]
    [InlineData("Softplus(Beta = 0)", "Softplus(Beta = 0): Beta must be positive and finite, got 0")]
    [InlineData("Softplus(Threshold = double.NaN)", "Softplus(Threshold = double.NaN): Threshold must be finite, got NaN")]
    [InlineData("Hardtanh(MinVal = 1, MaxVal = -1)", "Hardtanh(MinVal = 1, MaxVal = -1): MinVal must be less than MaxVal, got 1 ≥ -1")]
    [InlineData("Hardtanh(MinVal = 0.5, MaxVal = 0.5)", "Hardtanh(MinVal = 0.5, MaxVal = 0.5): MinVal must be less than MaxVal, got 0.5 ≥ 0.5")]
    [InlineData("Hardtanh(MaxVal = double.PositiveInfinity)", "Hardtanh(MaxVal = double.PositiveInfinity): MaxVal must be finite, got Infinity")]
    [InlineData("Maxout(0)", "Maxout(0): the number of pieces must be positive, got 0")]
    public Task MG0002_ArgumentOutOfRange_ReportedOnTheAttribute(string attribute, string message) =>
        AnalyzerTest.VerifyAsync(
            Source($$"""
                [Model(4, 6, 6)]
                [{|#0:{{attribute}}|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, message));

    [Fact]
    public Task MG0002_GroupsThatDoNotDivideTheChannels_NameBothNumbers() =>
        // 6 channels: 4 groups would hold 1.5 channels each.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(6, 8, 8)]
                [{|#0:GroupNorm(4)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "GroupNorm(4): 4 groups do not divide 6 channels (the model input is 6×8×8); use a number of groups that divides 6"));

    [Fact]
    public Task MG0002_PReLUSlopesThatAreNeitherOneNorTheChannels_NameTheChannels() =>
        // Conv2d(16, Kernel = 3) on 3×8×8 → 16×6×6: one slope per channel is 16 slopes.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(3, 8, 8)]
                [Conv2d(16, Kernel = 3), {|#0:PReLU(NumParameters = 8)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "PReLU(NumParameters = 8): one slope per channel needs NumParameters = 16 (Conv2d(16, Kernel = 3) above it produces 16×6×6), got 8; use 16, or 1 for one shared slope"));

    [Fact]
    public Task MG0002_MaxoutPiecesThatDoNotDivideTheFeatures_NameTheLayerAbove() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(10)]
                [Linear(16), {|#0:Maxout(3)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Maxout(3): 3 pieces do not divide 16 features (Linear(16) above it produces 16); give the layer above a multiple of 3 outputs"));

    [Fact]
    public Task MG0002_MaxoutOnAFeatureMap_PiecesTheChannels() =>
        // 6×4×4: the channels (6) are pieced, not the width (4), which 4 would divide.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(6, 4, 4)]
                [{|#0:Maxout(4)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Maxout(4): 4 pieces do not divide 6 channels (the model input is 6×4×4); give the layer above a multiple of 4 outputs"));

    [Fact]
    public Task MG0002_MaxoutOnASequence_PiecesTheFeaturesOfEachPosition() =>
        // 8×6 sequence: the features (6) are pieced, not the 8 positions, which 4 would divide.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, 6)]
                [{|#0:Maxout(4)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Maxout(4): 4 pieces do not divide 6 features per position (the model input is 8×6); give the layer above a multiple of 4 outputs"));

    [Fact]
    public Task MG0002_OneDiagnosticPerBrokenRule() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4, 6, 6)]
                [{|#0:InstanceNorm2d(Eps = 0, Momentum = -0.5)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "InstanceNorm2d(Eps = 0, Momentum = -0.5): Eps must be positive and finite, got 0"),
            At(0, InvalidArgument, "InstanceNorm2d(Eps = 0, Momentum = -0.5): Momentum must be in [0, 1], got -0.5"));

    // ---- MG0007: the wrong rank ----

    [Fact]
    public Task MG0007_Dropout2dOnFlatFeatures_ReportedOnTheDropoutAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(16)]
                [Linear(8), {|#0:Dropout2d(0.2)|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "Dropout2d(0.2) drops channels of a C×H×W feature map but Linear(8) above it produces 8; use Dropout for other shapes"));

    [Fact]
    public Task MG0007_InstanceNorm2dOnASequence() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(5, 8)]
                [{|#0:InstanceNorm2d|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "InstanceNorm2d needs a C×H×W feature map but the model input is 5×8; use LayerNorm or GroupNorm for other shapes"));

    [Fact]
    public Task MG0007_BatchNorm3dOnAFeatureMap_PointsToBatchNorm2d() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(3, 8, 8)]
                [{|#0:BatchNorm3d|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "BatchNorm3d needs a C×D×H×W volume but the model input is 3×8×8; use BatchNorm2d for a C×H×W feature map"));

    [Fact]
    public Task MG0007_BatchNorm2dOnAVolume_KeepsItsMessage() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 3, 8, 8)]
                [{|#0:BatchNorm2d|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "BatchNorm2d needs a C×H×W feature map but the model input is 2×3×8×8; use BatchNorm1d for flat features"));

    [Fact]
    public Task MG0007_LayerNormOverMoreDimensionsThanTheInputHas() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(3, 8, 8)]
                [Flatten, {|#0:LayerNorm(NormalizedDims = 3)|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "LayerNorm(NormalizedDims = 3) normalizes the last 3 dimensions but Flatten above it produces 192, which has 1; use NormalizedDims = 1 or less"));

    [Fact]
    public Task MG0007_GroupNormOnFlatFeatures_PointsToLayerNorm() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(12)]
                [{|#0:GroupNorm(3)|}]
                public partial class Net { }
                """),
            At(0, RankMismatch, "GroupNorm(3) needs channels and positions (C×L, C×H×W) but the model input is 12; TorchSharp's GroupNorm refuses flat features, use LayerNorm for them"));

    // ---- valid declarations report nothing ----

    [Fact]
    public Task EveryNewKindWithValidArguments_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(8, Kernel = 3, Padding = 1, Bias = false), InstanceNorm2d(Affine = true), Dropout2d(0.1), GroupNorm(4), GaussianNoise(0.05)]
                [PReLU(NumParameters = 8), ELU, Maxout(2), BinaryStep(ValueAtZero = 0)]
                [Flatten, Linear(16), LayerNorm, SELU, AlphaDropout(0.05), GELU(Approximate = GeluApproximate.Tanh), SiLU]
                [Softplus(Beta = 2, Threshold = 10), Mish, Hardtanh(MinVal = -2, MaxVal = 2), PReLU]
                [Linear(4)]
                public partial class Net { }
                """));

    [Fact]
    public Task BatchNorm3dOnAVolume_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 4, 6, 6)]
                [BatchNorm3d(Eps = 1e-3, Momentum = 0.2), LayerNorm(NormalizedDims = 4)]
                public partial class Net { }
                """));
}

/// <summary>Extreme arguments of the normalization, noise and activation kinds: reported, never an analyzer exception.</summary>
public sealed class NormalizationActivationHostileInputTests
{
    public static TheoryData<string, string> Declarations => new()
    {
        { "[Model(4, 6, 6)] [GroupNorm(int.MinValue, Eps = double.NaN)]", "MG0002" },
        { "[Model(int.MaxValue, 2)] [GroupNorm(int.MaxValue - 1)]", "MG0002" },
        { "[Model(4)] [LayerNorm(NormalizedDims = int.MaxValue)]", "MG0007" },
        { "[Model(4)] [LayerNorm(NormalizedDims = int.MinValue, Eps = double.PositiveInfinity)]", "MG0002" },
        { "[Model(int.MaxValue, int.MaxValue, int.MaxValue)] [LayerNorm(NormalizedDims = 3)]", "MG0002" },
        { "[Model(4)] [Maxout(int.MinValue)]", "MG0002" },
        { "[Model(int.MaxValue)] [Maxout(int.MaxValue - 1)]", "MG0002" },
        { "[Model(4)] [PReLU(NumParameters = int.MaxValue, Init = double.NaN)]", "MG0002" },
        { "[Model(4)] [Hardtanh(MinVal = double.NaN, MaxVal = double.NegativeInfinity)]", "MG0002" },
        { "[Model(4)] [Softplus(Beta = double.NegativeInfinity, Threshold = double.PositiveInfinity)]", "MG0002" },
        { "[Model(4)] [GELU(Approximate = (GeluApproximate)int.MinValue)]", "MG0002" },
        { "[Model(4)] [GaussianNoise(double.NaN), AlphaDropout(double.NegativeInfinity)]", "MG0002" },
        { "[Model(4)] [InstanceNorm2d(Eps = double.NaN, Momentum = double.NaN)]", "MG0002" },
        { "[Model(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)] [BatchNorm3d, Dropout2d]", "MG0007" },
        { "[Model(4)] [GaussianNoise]", "CS7036" },
        { "[Model(4)] [Maxout]", "CS7036" },
        { "[Model(4)] [GroupNorm]", "CS7036" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public Task HostileDeclaration_NoAnalyzerException_AndTheProblemIsReported(string attributes, string expectedId) =>
        new HostileInputTests().HostileDeclaration_NoAnalyzerException_AndTheProblemIsReported(attributes, expectedId);
}

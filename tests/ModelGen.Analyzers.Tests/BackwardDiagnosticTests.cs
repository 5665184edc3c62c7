using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0014: a trainable model that falls back to autograd is told which layer prevents the generated backward.</summary>
public sealed class BackwardDiagnosticTests
{
    [Fact]
    public Task MG0014_KindWithoutRule_NamesTheFirstSuchLayer() =>
        VerifyWithoutExportAsync(
            Source("""
                [Model(16, SequenceLength = "L")]
                [Linear(16), PositionalEncoding, {|#0:TransformerEncoderLayer(4, DimFeedforward = 32)|}, TransformerEncoderLayer(4, DimFeedforward = 32)]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class Encoder { }
                """),
            At(0, AutogradBackward, "Encoder trains with autograd: TransformerEncoderLayer(4, DimFeedforward = 32) has no generated backward rule yet, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice"));

    [Fact]
    public Task MG0014_DeclaredAutograd_ReportsNothing() =>
        VerifyWithoutExportAsync(
            Source("""
                [Model(16, SequenceLength = "L", Autograd = true)]
                [TransformerEncoderLayer(4, DimFeedforward = 32)]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class Encoder { }
                """));

    [Fact]
    public Task MG0014_ModelWithoutTraining_ReportsNothing() =>
        VerifyWithoutExportAsync(
            Source("""
                [Model(16, SequenceLength = "L")]
                [TransformerEncoderLayer(4, DimFeedforward = 32)]
                public partial class Inference { }
                """));

    /// <summary>The kinds whose rules came last (normalization, upsampling, pooling, dropout and recurrent forms) report nothing.</summary>
    [Fact]
    public Task MG0014_LateRules_ReportNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 8, 8)]
                [Conv2d(4, Kernel = 3, Padding = 1, PaddingMode = PaddingMode.Reflect, Bias = false), InstanceNorm2d, GroupNorm(2)]
                [ConvTranspose2d(4, Kernel = 2, Stride = 2), Upsample(ScaleFactor = 0.5, Mode = UpsampleMode.Bilinear)]
                [LPPool2d(2, 2), AdaptiveMaxPool2d(2), Maxout(2)]
                [Flatten, Linear(16), SELU, AlphaDropout(0.1), Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
                public partial class Covered2d { }

                [Model(3, SequenceLength = "L")]
                [LSTM(8, NumLayers = 2, Dropout = 0.3), GRU(4, NumLayers = 3, Dropout = 0.2, ReturnSequences = false)]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class CoveredRecurrent { }
                """));

    [Fact]
    public Task MG0014_EveryLayerHasARule_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(4, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d, ReLU, MaxPool2d(2)]
                [Flatten, Linear(16), LayerNorm, Dropout(0.2), Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
                public partial class Covered { }
                """));

    /// <summary>Like <see cref="AnalyzerTest.VerifyAsync"/>, without MG0015 (the transformer has no ONNX mapping either).</summary>
    private static Task VerifyWithoutExportAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source);
        test.DisabledDiagnostics.Add(OnnxUnmappedId);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

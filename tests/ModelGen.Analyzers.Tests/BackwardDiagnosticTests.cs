using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0014: a trainable model that falls back to autograd is told which layer prevents the generated backward.</summary>
public sealed class BackwardDiagnosticTests
{
    // Every catalog kind has a backward rule now; what the generated backward cannot follow is a forward written by hand.
    private const string ManualBlock = """
        [Block]
        [Linear(4, Name = "fc")]
        public partial class Manual
        {
            // Stands for a hand-written forward (this test compiles without TorchSharp).
            public object forward(object input) => input;
        }

        """;

    [Fact]
    public Task MG0014_BlockWithAHandWrittenForward_SaysTheBackwardCannotFollowIt() =>
        AnalyzerTest.VerifyAsync(
            Source(ManualBlock + """
                [Model(4)]
                [{|#0:Block<Manual>|}]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class Net { }
                """),
            At(0, AutogradBackward, "Net trains with autograd: Block<Manual> goes through a block whose forward is hand-written, which the generated backward cannot follow, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice"),
            At(0, OnnxUnmapped, "Block<Manual>: Manual writes its own forward, which the compile-time plan does not describe, so Net gets no ExportOnnx method; replace what does not map (docs/layers.md lists the kinds that do; a forward written by hand never does), or leave the model to TorchSharp"));

    [Fact]
    public Task MG0014_DeclaredAutograd_ReportsNothing() =>
        VerifyWithoutExportAsync(
            Source(ManualBlock + """
                [Model(4, Autograd = true)]
                [Block<Manual>]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class Net { }
                """));

    [Fact]
    public Task MG0014_ModelWithoutTraining_ReportsNothing() =>
        VerifyWithoutExportAsync(
            Source(ManualBlock + """
                [Model(4)]
                [Block<Manual>]
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

    [Fact]
    public Task MG0014_GraphAndAttentionModelWithRules_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Linear(Block.Width, Name = "fc"), Tanh, Reuse("fc")]
                [Shortcut]
                public partial class Shared { }

                [Block]
                [Linear(3), ReLU]
                public partial class Narrow { }

                [Model(5, 6)]
                [Block<Shared>(Width = 6)]
                [Concat<Narrow>]
                [MultiheadAttention(3), TransformerEncoderLayer(3, DimFeedforward = 8)]
                [Flatten, Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam)]
                public partial class Net { }
                """));

    /// <summary>Like <see cref="AnalyzerTest.VerifyAsync"/>, without MG0015 (a hand-written block has no ONNX graph either).</summary>
    private static Task VerifyWithoutExportAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source);
        test.DisabledDiagnostics.Add(OnnxUnmappedId);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

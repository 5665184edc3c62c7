using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0015: a forward without an ONNX mapping keeps ExportOnnx out of the model; id, span and full message.</summary>
public sealed class ExportDiagnosticTests
{
    private const string DoublingBlock = """
        [Block]
        [Linear(Block.Width, Name = "fc")]
        public partial class Doubling
        {
            // The analyzer tests reference no TorchSharp: any forward(x) the class declares counts.
            public object forward(object input) => input;
        }

        """;

    [Fact]
    public Task MG0015_BlockWithAHandWrittenForward_NamesTheUseAndTheBlock() =>
        AnalyzerTest.VerifyAsync(
            Source(DoublingBlock + """
                [Model(8)]
                [Linear(8), {|#0:Block<Doubling>(Width = 4)|}, Linear(3)]
                public partial class Doubles { }
                """),
            At(0, OnnxUnmapped, "Block<Doubling>(Width = 4): Doubling writes its own forward, which the compile-time plan does not describe, so Doubles gets no ExportOnnx method; replace what does not map (docs/layers.md lists the kinds that do; a forward written by hand never does), or leave the model to TorchSharp"));

    [Fact]
    public Task MG0015_NamesTheFirstUnmappedLayerOnly() =>
        AnalyzerTest.VerifyAsync(
            Source(DoublingBlock + """
                [Block]
                [Linear(Block.Width), Block<Doubling>(Width = Block.Width)]
                public partial class Wrapper { }

                [Model(8)]
                [{|#0:Repeat<Wrapper>(2, Width = 4)|}, Block<Doubling>(Width = 2)]
                public partial class Wraps { }
                """),
            At(0, OnnxUnmapped, "Repeat<Wrapper>(2, Width = 4): Block<Doubling>(Width = Block.Width): Doubling writes its own forward, which the compile-time plan does not describe, so Wraps gets no ExportOnnx method; replace what does not map (docs/layers.md lists the kinds that do; a forward written by hand never does), or leave the model to TorchSharp"));

    [Fact]
    public Task MG0015_NotReportedOnAttentionBlocksBranchesAndReuse() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Conv2d(Block.Width, Kernel = 3, Padding = 1, Name = "conv"), BatchNorm2d, Shortcut, ReLU]
                public partial class Residual { }

                [Block]
                [Conv2d(2, Kernel = 1)]
                public partial class Narrow { }

                [Model(4, 6, 6)]
                [Repeat<Residual>(2, Width = 4, Name = "stage"), Reuse("stage"), Concat<Narrow, Narrow>, Sum<Narrow, Narrow>]
                [LPPool2d(3, 2), Flatten, Linear(8)]
                public partial class Graph { }

                [Model(8, SequenceLength = "L")]
                [MultiheadAttention(2), TransformerEncoderLayer(2, DimFeedforward = 16, NormFirst = true), Linear(3)]
                public partial class Attends { }
                """));

    [Fact]
    public Task MG0015_NotReportedWhenEveryLayerMaps() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(4, Kernel = 3, PaddingMode = PaddingMode.Reflect, Padding = 1), ReLU, AdaptiveAvgPool2d(3), Flatten, Linear(2)]
                public partial class Exports { }
                """));

    [Fact]
    public Task MG0015_NotReportedOnAModelWithShapeErrors() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 4, 4)]
                [{|#0:Conv2d(4, Kernel = 5)|}, MultiheadAttention(2)]
                public partial class Broken { }
                """),
            At(0, EmptyOutput, "Conv2d(4, Kernel = 5) needs an input of at least 5×5 but the model input is 1×4×4: height = floor((4 − 5 + 2·0) / 1) + 1 = 0"));
}

using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0015: a layer without an ONNX mapping keeps ExportOnnx out of the model; id, span and full message.</summary>
public sealed class ExportDiagnosticTests
{
    [Fact]
    public Task MG0015_AttentionHasNoOnnxMapping_NamesTheLayer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [Linear(8), {|#0:MultiheadAttention(2)|}, Linear(3)]
                public partial class Attends { }
                """),
            At(0, OnnxUnmapped, "MultiheadAttention(2) has no ONNX mapping yet, so Attends gets no ExportOnnx method; blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do"));

    [Fact]
    public Task MG0015_NamesTheFirstUnmappedLayerOnly() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [{|#0:TransformerEncoderLayer(2, DimFeedforward = 16)|}, MultiheadAttention(2)]
                public partial class Encodes { }
                """),
            At(0, OnnxUnmapped, "TransformerEncoderLayer(2, DimFeedforward = 16) has no ONNX mapping yet, so Encodes gets no ExportOnnx method; blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do"));

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

using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>[Initialize] is checked against the inferred layers: id, span (the attribute) and message.</summary>
public sealed class InitializerDiagnosticTests
{
    [Fact]
    public Task ValidInitializers_NoDiagnostics() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(4)]
            [Initialize(WeightInit.HeNormal)]
            [Linear(8), ReLU]
            [Linear(2)]
            [Initialize(WeightInit.XavierUniform, Bias = 0.1, Layer = "fc2")]
            public partial class Initialized { }
            """));

    [Fact]
    public Task MG0002_UnknownLayer_NamesTheLayersWithParameters() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(2)]
                [{|#0:Initialize(WeightInit.Zeros, Layer = "fc9")|}]
                public partial class Misnamed { }
                """),
            At(0, InvalidArgument, "Initialize(WeightInit.Zeros, Layer = \"fc9\"): Misnamed has no layer named 'fc9'; the layers with parameters are fc1, fc2"));

    [Fact]
    public Task MG0002_LayerWithoutParameters() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [{|#0:Initialize(WeightInit.HeUniform, Layer = "relu1")|}]
                public partial class NothingToDraw { }
                """),
            At(0, InvalidArgument, "Initialize(WeightInit.HeUniform, Layer = \"relu1\"): relu1 has no parameters; the layers with parameters are fc1"));

    [Fact]
    public Task MG0002_NonFiniteBiasAndUndefinedRule() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(2)]
                [{|#0:Initialize(WeightInit.Uniform, Bias = double.NaN)|}]
                [{|#1:Initialize((WeightInit)9)|}]
                public partial class Broken { }
                """),
            At(1, InvalidArgument, "Initialize((WeightInit)9): 9 is not a WeightInit"),
            At(0, InvalidArgument, "Initialize(WeightInit.Uniform, Bias = double.NaN): Bias must be finite, got NaN"));
}

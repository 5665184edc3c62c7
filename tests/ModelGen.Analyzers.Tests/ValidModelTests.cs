using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>Well-formed models: the analyzer reports nothing (the test fails on any diagnostic).</summary>
public sealed class ValidModelTests
{
    [Fact]
    public Task Mlp_NoDiagnostics() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(64)]
            [Linear(128), ReLU, Dropout(0.2)]
            [Linear(64, Bias = false), BatchNorm1d, LeakyReLU(NegativeSlope = 0.1)]
            [Linear(10), LogSoftmax]
            [Loss(LossKind.NLL), Optimizer(OptimizerKind.SGD, LearningRate = 0.1, Momentum = 0.9)]
            public partial class Mlp { }
            """));

    [Fact]
    public Task DigitsCnn_NoDiagnostics() =>
        // samples/Digits/DigitsNet.cs itself.
        AnalyzerTest.VerifyAsync(Embedded("DigitsNet.cs"));

    [Fact]
    public Task LeNet5_NoDiagnostics() =>
        // The parity tests' LeNet-5 itself. 32×32 → conv5 28×28 → pool 14×14 → conv5 10×10 →
        // pool 5×5 → 400 → 120 → 84 → 10: every stride divides its padded input exactly, so not
        // even MG0003 fires.
        AnalyzerTest.VerifyAsync(Embedded("LeNet5.cs"));

    [Fact]
    public Task RectangularWindowsNestedInPartialTypes_NoDiagnostics() =>
        AnalyzerTest.VerifyAsync(Source("""
            public static partial class Models
            {
                [Model(3, 12, 9)]
                [Conv2d(8, KernelHeight = 5, KernelWidth = 3, StrideHeight = 1, StrideWidth = 2, PaddingWidth = 1, Bias = false), BatchNorm2d, Sigmoid]
                [MaxPool2d(2, KernelWidth = 1, StrideWidth = 1)]
                [Flatten, Linear(1)]
                [Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam)]
                internal partial class Rectangular { }
            }
            """));

    [Fact]
    public Task ClassesWithoutModelGenAttributes_NoDiagnostics() =>
        AnalyzerTest.VerifyAsync(Source("""
            [System.Obsolete]
            public class Plain { }

            public struct Point { public int X; }
            """));

    /// <summary>A model file of the repository, embedded in this assembly (see the project file).</summary>
    private static string Embedded(string name)
    {
        using System.IO.Stream stream = typeof(ValidModelTests).Assembly.GetManifestResourceStream(name)!;
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// Malformed, missing and extreme attribute arguments: the analyzer never throws (no AD0001, no
/// exception reaching the host), and every such declaration is reported by someone, the compiler
/// or ModelGen.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string> Declarations => new()
    {
        // Wrong-typed and missing arguments: the compiler reports them, ModelGen stays quiet.
        { "[Model(\"a\", 8)] [Linear(2)]", "CS1503" },
        { "[Model(1, 8, 8)] [Conv2d(\"x\", Kernel = 3)]", "CS1503" },
        { "[Model(1, 8, 8)] [Conv2d]", "CS7036" },
        { "[Model(4)] [Linear(2, Bias = )]", "CS1525" },
        { "[Model(4)] [Linear(2, Missing = 3)]", "CS0246" },
        { "[Model(4)] [Model(4)] [Linear(2)]", "CS0579" },
        { "[Model(4)] [Linear(2)] [Loss(3)]", "CS1503" },
        // Out-of-range values.
        { "[Model] [Linear(2)]", "MG0002" },
        { "[Model(null)] [Linear(2)]", "MG0002" },
        { "[Model(-1, 0)] [Linear(2)]", "MG0002" },
        { "[Model(4)] [Linear(2)] [Loss((LossKind)42), Optimizer(OptimizerKind.SGD)]", "MG0002" },
        { "[Model(4)] [Linear(2)] [Loss(LossKind.MSE), Optimizer((OptimizerKind)(-5), LearningRate = double.NaN)]", "MG0002" },
        { "[Model(4)] [Linear(2)] [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, LearningRate = double.PositiveInfinity, Momentum = -1, WeightDecay = double.NaN)]", "MG0002" },
        { "[Model(4)] [Dropout(double.NaN)]", "MG0002" },
        { "[Model(4)] [LeakyReLU(NegativeSlope = double.NegativeInfinity)]", "MG0002" },
        { "[Model(4)] [Softmax(Dim = int.MinValue)]", "MG0002" },
        { "[Model(4)] [BatchNorm1d(Eps = 0, Momentum = 2)]", "MG0002" },
        { "[Model(1, 8, 8)] [MaxPool2d(int.MaxValue, Stride = int.MinValue)]", "MG0002" },
        { "[Model(1, 8, 8)] [MaxPool2d(2, Padding = int.MaxValue)]", "MG0002" },
        { "[Model(1, 8, 8)] [Conv2d(4, KernelHeight = 3)]", "MG0002" },
        { "[Model(1, 8, 8)] [Conv2d(int.MinValue, Kernel = int.MinValue, Dilation = int.MinValue)]", "MG0002" },
        // int.MaxValue paddings, kernels and dilations; huge shapes.
        { "[Model(1, 8, 8)] [Conv2d(4, Kernel = 3, Padding = int.MaxValue)]", "MG0002" },
        { "[Model(1, 8, 8)] [Conv2d(4, Kernel = int.MaxValue, Padding = int.MaxValue)]", "MG0002" },
        { "[Model(1, 8, 8)] [Conv2d(4, Kernel = 3, Dilation = int.MaxValue)]", "MG0001" },
        { "[Model(1, 8, 8)] [Conv2d(4, Kernel = int.MaxValue, Stride = int.MaxValue)]", "MG0001" },
        { "[Model(int.MaxValue, int.MaxValue, int.MaxValue)] [Flatten] [Linear(10)]", "MG0002" },
        { "[Model(int.MaxValue, 65536, 65536)] [Conv2d(int.MaxValue, Kernel = 65536)]", "MG0002" },
        { "[Model(65536, 65536, 65536, 65536)] [Flatten] [Linear(10)]", "MG0002" },
        { "[Model(int.MaxValue, int.MaxValue, int.MaxValue)] [BatchNorm2d, MaxPool2d(int.MaxValue - 1)] [Flatten, Linear(int.MaxValue)]", "MG0003" },
        { "[Model(int.MaxValue)] [Linear(int.MaxValue), Linear(int.MaxValue), Linear(int.MaxValue), Linear(int.MaxValue), Linear(int.MaxValue)]", "MG0002" },
        { "[Model(int.MaxValue, int.MaxValue)] [BatchNorm1d, Linear(int.MaxValue)]", "MG0006" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task HostileDeclaration_NoAnalyzerException_AndTheProblemIsReported(string attributes, string expectedId)
    {
        string source = Source(attributes + "\npublic partial class Hostile { }");
        var exceptions = new ConcurrentQueue<System.Exception>();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Hostile",
            new[] { CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()), options)
            .GetAllDiagnosticsAsync(TestContext.Current);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == expectedId);
        // Where the compiler already rejects the attribute, ModelGen adds no shape diagnostics.
        if (expectedId.StartsWith("CS", System.StringComparison.Ordinal))
        {
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MG", System.StringComparison.Ordinal));
        }
    }

    private static class TestContext
    {
        public static CancellationToken Current => CancellationToken.None;
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// The generator never throws and stays silent on declarations it cannot generate (the
/// analyzers explain them): malformed, missing or hostile attribute arguments.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> HostileDeclarations => new()
    {
        "[Model] [Linear(2)] public partial class A;",
        "[Model()] public partial class A;",
        "[Model(1, 8, 8)] [Conv2d(4, Kernel = 9)] public partial class A;",
        "[Model(1, 8, 8)] [Conv2d(4)] public partial class A;",
        "[Model(0, -1)] [Linear(2)] public partial class A;",
        "[Model(int.MaxValue, int.MaxValue, int.MaxValue)] [Flatten, Linear(int.MaxValue)] public partial class A;",
        "[Model(1, 8, 8)] [Conv2d(int.MaxValue, Kernel = int.MaxValue, Padding = int.MaxValue, Dilation = int.MaxValue)] public partial class A;",
        "[Model(1, 8, 8)] [MaxPool2d(int.MinValue, Stride = -1)] public partial class A;",
        "[Model(4)] [Linear(\"two\")] public partial class A;",
        "[Model(4)] [Linear(2)] [Loss((LossKind)42), Optimizer((OptimizerKind)(-3))] public partial class A;",
        "[Model(4)] [Linear(2)] [Optimizer(OptimizerKind.Adam, LearningRate = double.NaN)] public partial class A;",
        "[Model(4)] [Dropout(double.PositiveInfinity)] [Softmax(Dim = int.MinValue)] public partial class A;",
        "[Model(4)] [Linear(2)] public class NotPartial;",
        "[Model(4)] [Linear(2)] public partial class Generic<T> where T : class;",
        "[Model(4)] [Linear] public partial class A;",
        "[Model(1, 2, 3, 4, 5)] [Conv2d(2, Kernel = 1)] public partial class A;",
        "[Model(4), Model(5)] [Linear(2)] public partial class A;",
        "[Model(4)] [Linear(2)] public partial struct S;",
        "[Model(4)] [Linear(2)] public static partial class A;",
    };

    [Theory]
    [MemberData(nameof(HostileDeclarations))]
    public void GeneratorNeverThrows(string declaration)
    {
        (GeneratorDriverRunResult result, _) = TestCompilation.Run("using ModelGen;\n" + declaration);
        GeneratorRunResult run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("[Model(1, 8, 8)] [Conv2d(4, Kernel = 9)] public partial class A;")]
    [InlineData("[Model(4)] [Linear(2)] public class NotPartial;")]
    [InlineData("[Model(4)] [Linear(\"two\")] public partial class A;")]
    [InlineData("[Model(16)] [Conv2d(2, Kernel = 3)] public partial class A;")]
    [InlineData("[Model(4)] [Linear(2)] public static partial class A;")]
    public void NothingIsGeneratedForADeclarationWithErrors(string declaration)
    {
        (GeneratorDriverRunResult result, _) = TestCompilation.Run("using ModelGen;\n" + declaration);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void LayersSpreadOverPartialDeclarationsGenerateNothing()
    {
        (GeneratorDriverRunResult result, _) = TestCompilation.Run(
            "using ModelGen;\n[Model(4)] [Linear(3)] public partial class A;",
            "using ModelGen;\n[Linear(2)] public partial class A;");
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void ModelSplitOverFilesWithLayersBesideModelIsGenerated()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(
            "using ModelGen;\n[Model(4)] [Linear(3)] public partial class A;",
            "public partial class A { public int Extra => 1; }");
        Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void GenericModelClassCompiles()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(
            "using ModelGen;\n[Model(4)] [Linear(2)] public partial class Generic<T> where T : class;");
        Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Empty(TestCompilation.Problems(output));
    }
}

using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0014: a trainable model that falls back to autograd is told which layer prevents the generated backward.</summary>
public sealed class BackwardDiagnosticTests
{
    [Fact]
    public Task MG0014_KindWithoutRule_NamesTheFirstSuchLayer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 8, 8)]
                [Conv2d(4, Kernel = 3, Bias = false), {|#0:InstanceNorm2d|}, GroupNorm(2)]
                [Flatten, Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
                public partial class Instance { }
                """),
            At(0, AutogradBackward, "Instance trains with autograd: InstanceNorm2d has no generated backward rule yet, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice"));

    [Fact]
    public Task MG0014_DeclaredAutograd_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 8, 8, Autograd = true)]
                [Conv2d(4, Kernel = 3, Bias = false), InstanceNorm2d]
                [Flatten, Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
                public partial class Instance { }
                """));

    [Fact]
    public Task MG0014_ModelWithoutTraining_ReportsNothing() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(2, 8, 8)]
                [Conv2d(4, Kernel = 3, Bias = false), InstanceNorm2d]
                public partial class Inference { }
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
}

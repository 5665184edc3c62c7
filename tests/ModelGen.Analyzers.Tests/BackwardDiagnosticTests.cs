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

    [Fact]
    public Task MG0014_KindWithoutRuleInsideABlock_NamesTheLayerAndTheUse() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false), InstanceNorm2d]
                [Shortcut]
                public partial class Normed { }

                [Model(4, 8, 8)]
                [{|#0:Block<Normed>(Width = 4)|}]
                [Flatten, Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
                public partial class Net { }
                """),
            At(0, AutogradBackward, "Net trains with autograd: InstanceNorm2d (in Block<Normed>(Width = 4)) has no generated backward rule yet, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice"),
            At(0, OnnxUnmapped, "Block<Normed>(Width = 4) has no ONNX mapping yet, so Net gets no ExportOnnx method; blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do"));

    [Fact]
    public Task MG0014_BlockWithAHandWrittenForward_SaysTheBackwardCannotFollowIt() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Linear(4, Name = "fc")]
                public partial class Manual
                {
                    // Stands for a hand-written forward (this test compiles without TorchSharp).
                    public object forward(object input) => input;
                }

                [Model(4)]
                [{|#0:Block<Manual>|}]
                [Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
                public partial class Net { }
                """),
            At(0, AutogradBackward, "Net trains with autograd: Block<Manual> goes through a block whose forward is hand-written, which the generated backward cannot follow, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice"),
            At(0, OnnxUnmapped, "Block<Manual> has no ONNX mapping yet, so Net gets no ExportOnnx method; blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do"));

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
                [{|#0:Block<Shared>(Width = 6)|}]
                [Concat<Narrow>]
                [MultiheadAttention(3), TransformerEncoderLayer(3, DimFeedforward = 8)]
                [Flatten, Linear(2)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam)]
                public partial class Net { }
                """),
            At(0, OnnxUnmapped, "Block<Shared>(Width = 6) has no ONNX mapping yet, so Net gets no ExportOnnx method; blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do"));
}

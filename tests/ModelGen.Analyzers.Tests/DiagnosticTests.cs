using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// One test per diagnostic id: it fires at the exact attribute span with the exact message, and
/// nothing else is reported in the run. Expected messages are written out by hand from the
/// output-size rule out = floor((W − F + 2P) / S) + 1.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public Task MG0001_KernelLargerThanInput_ReportedOnTheConvAttribute() =>
        // The end-to-end case of the issue: a 9×9 kernel over an 8×8 input.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 9)|}]
                public partial class TooSmall { }
                """),
            At(0, EmptyOutput, "Conv2d(4, Kernel = 9) needs an input of at least 9×9 but the model input is 1×8×8: height = floor((8 − 9 + 2·0) / 1) + 1 = 0"));

    [Fact]
    public Task MG0001_PoolingShrinksTheMapBelowTheKernel_NamesTheLayerAbove() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [MaxPool2d(2)]
                [MaxPool2d(2)]
                [{|#0:Conv2d(8, Kernel = 3)|}, ReLU]
                [Flatten, Linear(10)]
                public partial class Shrunk { }
                """),
            At(0, EmptyOutput, "Conv2d(8, Kernel = 3) needs an input of at least 3×3 but MaxPool2d(2) above it produces 1×2×2: height = floor((2 − 3 + 2·0) / 1) + 1 = 0"));

    [Fact]
    public Task MG0001_OnlyTheWidthCollapses_NamesTheWidthAxis() =>
        // 1×20×4 input, 1×5 kernel: height = floor((20 − 1) / 1) + 1 = 20, width = floor((4 − 5) / 1) + 1 = 0.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 20, 4)]
                [{|#0:Conv2d(2, KernelHeight = 1, KernelWidth = 5)|}]
                public partial class Narrow { }
                """),
            At(0, EmptyOutput, "Conv2d(2, KernelHeight = 1, KernelWidth = 5) needs an input of at least 1×5 but the model input is 1×20×4: width = floor((4 − 5 + 2·0) / 1) + 1 = 0"));

    [Fact]
    public Task MG0002_DropoutOfOne_ReportedOnTheDropoutAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(16)]
                [Linear(8), ReLU, {|#0:Dropout(1.0)|}]
                [Linear(2)]
                public partial class AlwaysDrops { }
                """),
            At(0, InvalidArgument, "Dropout(1.0): the drop probability must be in [0, 1), got 1"));

    [Fact]
    public Task MG0002_ZeroKernel_ReportedOnTheConvAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 0)|}]
                public partial class NoKernel { }
                """),
            At(0, InvalidArgument, "Conv2d(4, Kernel = 0): the kernel size must be positive, got 0"));

    [Fact]
    public Task MG0002_Conv2dWithoutKernel_ReportedOnTheConvAttribute() =>
        // Conv2d has no default kernel, as in PyTorch (the README documents this).
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4)|}]
                public partial class NoKernelGiven { }
                """),
            At(0, InvalidArgument, "Conv2d(4): the kernel size must be positive, got 0"));

    [Fact]
    public Task MG0002_NegativePaddingAndZeroStride_OneDiagnosticPerBrokenRule() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 3, Stride = 0, Padding = -1)|}]
                public partial class BadWindow { }
                """),
            At(0, InvalidArgument, "Conv2d(4, Kernel = 3, Stride = 0, Padding = -1): the stride must be positive, got 0"),
            At(0, InvalidArgument, "Conv2d(4, Kernel = 3, Stride = 0, Padding = -1): the padding must be zero or positive, got -1"));

    [Fact]
    public Task MG0002_NonPositiveInputDimension_ReportedOnTheModelAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(3, 0, 8)|}]
                [Flatten, Linear(2)]
                public partial class ZeroHeight { }
                """),
            At(0, InvalidArgument, "Model ZeroHeight: every input dimension must be positive, but dimension 2 of (3, 0, 8) is 0"));

    [Fact]
    public Task MG0002_UndefinedLossKind_ReportedOnTheLossAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [{|#0:Loss((LossKind)42)|}, Optimizer(OptimizerKind.SGD)]
                public partial class UnknownLoss { }
                """),
            At(0, InvalidArgument, "Loss((LossKind)42): 42 is not a LossKind"));

    [Fact]
    public Task MG0002_ParameterCountPastInt64_ReportedOnTheLayerThatOverflows() =>
        // Each Linear(2³¹ − 1) on 2³¹ − 1 features holds (2³¹ − 1)·2³¹ = 2⁶² − 2³¹ parameters: two
        // fit in a long (2⁶³ − 2³² ≤ 2⁶³ − 1), the third does not.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(int.MaxValue)]
                [Linear(int.MaxValue), Linear(int.MaxValue), {|#0:Linear(int.MaxValue)|}, Linear(int.MaxValue)]
                public partial class Huge { }
                """),
            At(0, InvalidArgument, "Linear(int.MaxValue) brings the parameter count of Huge past 9,223,372,036,854,775,807, more than a 64-bit count can hold"));

    [Fact]
    public Task MG0002_ConvWeightsPastInt64_ReportedOnTheConv() =>
        // (2³¹ − 1)·(2³¹ − 1)·2¹⁶·2¹⁶ ≈ 2⁹⁴ weights.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(int.MaxValue, 65536, 65536)]
                [{|#0:Conv2d(int.MaxValue, Kernel = 65536)|}]
                public partial class HugeConv { }
                """),
            At(0, InvalidArgument, "Conv2d(int.MaxValue, Kernel = 65536): the model input is 2147483647×65536×65536, which needs more weights than a 64-bit count can hold"));

    [Fact]
    public Task MG0003_StrideLeavesARemainder_WarnsOncePerAxis() =>
        // (8 − 3 + 2·0) = 5 and 5 mod 2 = 1 on both axes: out = floor(5 / 2) + 1 = 3.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 3, Stride = 2)|}]
                public partial class Strided { }
                """),
            At(0, StrideRemainder, "Conv2d(4, Kernel = 3, Stride = 2): the model input is 1×8×8, and on the height axis 5 is not a multiple of the stride 2 (height = floor((8 − 3 + 2·0) / 2) + 1 = 3); the last row of the padded input is never read"),
            At(0, StrideRemainder, "Conv2d(4, Kernel = 3, Stride = 2): the model input is 1×8×8, and on the width axis 5 is not a multiple of the stride 2 (width = floor((8 − 3 + 2·0) / 2) + 1 = 3); the last column of the padded input is never read"));

    [Fact]
    public Task MG0003_PoolingAnOddMap_WarnsOnThePoolAttribute() =>
        // Conv2d(4, Kernel = 3) on 7×7 gives 5×5; MaxPool2d(2): (5 − 2) = 3, 3 mod 2 = 1, out = 2.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 7, 7)]
                [Conv2d(4, Kernel = 3)]
                [{|#0:MaxPool2d(2)|}]
                public partial class OddPool { }
                """),
            At(0, StrideRemainder, "MaxPool2d(2): Conv2d(4, Kernel = 3) above it produces 4×5×5, and on the height axis 3 is not a multiple of the stride 2 (height = floor((5 − 2 + 2·0) / 2) + 1 = 2); the last row of the padded input is never read"),
            At(0, StrideRemainder, "MaxPool2d(2): Conv2d(4, Kernel = 3) above it produces 4×5×5, and on the width axis 3 is not a multiple of the stride 2 (width = floor((5 − 2 + 2·0) / 2) + 1 = 2); the last column of the padded input is never read"));

    [Fact]
    public Task MG0003_RemainderOnOneAxisOnly_CountsTheDroppedRows() =>
        // Height: (10 − 3) = 7, 7 mod 4 = 3 rows dropped, out = floor(7 / 4) + 1 = 2. Width: (9 − 3) = 6 is a multiple of 2.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 10, 9)]
                [{|#0:Conv2d(2, Kernel = 3, StrideHeight = 4, StrideWidth = 2)|}]
                public partial class TallStride { }
                """),
            At(0, StrideRemainder, "Conv2d(2, Kernel = 3, StrideHeight = 4, StrideWidth = 2): the model input is 1×10×9, and on the height axis 7 is not a multiple of the stride 4 (height = floor((10 − 3 + 2·0) / 4) + 1 = 2); the last 3 rows of the padded input are never read"));

    [Fact]
    public Task MG0004_ClassNotPartial_ReportedOnTheClassName() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(2)]
                public sealed class {|#0:Whole|} { }
                """),
            At(0, NotPartial, "Whole must be declared partial: ModelGen generates the rest of model Whole in another partial declaration"));

    [Fact]
    public Task MG0004_ContainingTypeNotPartial_NamesTheContainingType() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                public static class Outer
                {
                    [Model(4)]
                    [Linear(2)]
                    public partial class {|#0:Inner|} { }
                }
                """),
            At(0, NotPartial, "Outer must be declared partial: ModelGen generates the rest of model Inner in another partial declaration"));

    [Fact]
    public Task MG0005_LayerOnAnotherPartialDeclaration_ReportedOnThatLayer()
    {
        var test = new AnalyzerTest(
            Source("""
                [Model(4)]
                [Linear(8)]
                public partial class Split { }
                """),
            Source("""
                [{|#0:ReLU|}, {|#1:Linear(2)|}]
                public partial class Split { }
                """));
        test.ExpectedDiagnostics.Add(At(0, SpreadAttributes, "ReLU is on another partial declaration of Split than [Model]; move it next to [Model], where the layer order is defined"));
        test.ExpectedDiagnostics.Add(At(1, SpreadAttributes, "Linear(2) is on another partial declaration of Split than [Model]; move it next to [Model], where the layer order is defined"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0006_LinearOnAFeatureMap_ReportedOnTheLinearAttribute() =>
        // Conv2d(4, Kernel = 3) on 8×8 gives 4×6×6; Linear(10) on the last axis would give 4×6×10.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(4, Kernel = 3)]
                [{|#0:Linear(10)|}]
                public partial class Unflattened { }
                """),
            At(0, LinearNeedsFlatten, "Linear(10) needs flat features but Conv2d(4, Kernel = 3) above it produces 4×6×6; add [Flatten] above it (Linear would act on the last dimension only and produce 4×6×10)"));

    [Fact]
    public Task MG0007_ConvAfterFlatten_ReportedOnTheConvAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Flatten]
                [{|#0:Conv2d(4, Kernel = 3)|}]
                public partial class FlatConv { }
                """),
            At(0, RankMismatch, "Conv2d(4, Kernel = 3) needs a C×H×W feature map but Flatten above it produces 64"));

    [Fact]
    public Task MG0007_BatchNorm2dOnFlatInput_SuggestsBatchNorm1d() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(16)]
                [{|#0:BatchNorm2d|}]
                public partial class FlatNorm { }
                """),
            At(0, RankMismatch, "BatchNorm2d needs a C×H×W feature map but the model input is 16; use BatchNorm1d for flat features"));

    [Fact]
    public Task MG0008_NoLayers_ReportedOnTheModelAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(4)|}]
                public partial class Empty { }
                """),
            At(0, NoLayers, "Model Empty declares no layers; add layer attributes such as [Linear(10)] after [Model]"));

    [Fact]
    public Task MG0009_LossWithoutOptimizer_ReportedOnTheLoss() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [{|#0:Loss(LossKind.MSE)|}]
                public partial class NoOptimizer { }
                """),
            At(0, IncompleteTraining, "Loss(LossKind.MSE) is declared without an [Optimizer]; NoOptimizer gets no TrainStep until both are declared"));

    [Fact]
    public Task MG0009_OptimizerWithoutLoss_ReportedOnTheOptimizer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [{|#0:Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)|}]
                public partial class NoLoss { }
                """),
            At(0, IncompleteTraining, "Optimizer(OptimizerKind.Adam, LearningRate = 1e-3) is declared without a [Loss]; NoLoss gets no TrainStep until both are declared"));

    [Fact]
    public Task MG0011_NothingToTrain_ReportedOnTheOptimizer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [ReLU, Dropout(0.5)]
                [Loss(LossKind.MSE), {|#0:Optimizer(OptimizerKind.SGD)|}]
                public partial class Parameterless { }
                """),
            At(0, NothingToTrain, "Optimizer(OptimizerKind.SGD) has nothing to optimize: no layer of Parameterless has a trainable parameter, so Parameterless gets no TrainStep"));

    [Fact]
    public Task MG0010_LayersWithoutModel_ReportedOnTheFirstLayer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Linear(8)|}, ReLU]
                [Linear(2)]
                public partial class Forgotten { }
                """),
            At(0, MissingModel, "Linear(8) has no effect: Forgotten has no [Model] attribute; add [Model(...)] with the input shape, or remove the ModelGen attributes"));
}

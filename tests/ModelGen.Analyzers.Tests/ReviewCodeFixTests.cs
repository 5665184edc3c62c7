using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The review fixes: each turns the reported model into one the analyzer accepts and that
/// compiles (the testing SDK compiles the fixed code and fails on any diagnostic it did not expect).
/// </summary>
public sealed class ReviewCodeFixTests
{
    [Fact]
    public Task MG0016_RemovesTheSoftmax()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3), {|#0:Softmax|}]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
                public partial class Iris { }
                """),
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3)]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
                public partial class Iris { }
                """));
        test.ExpectedDiagnostics.Add(At(0, SoftmaxBeforeCrossEntropy, "Softmax is the output layer of Iris, but Loss(LossKind.CrossEntropy) applies log-softmax itself and expects logits: the loss sees softmax(softmax(x)), whose inputs in (0, 1) make every class nearly equally likely, so the loss cannot approach 0 and its gradients shrink; remove Softmax and apply softmax when predicting"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0017_BCEOnLogits_UsesBCEWithLogits()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [{|#1:Linear(1)|}]
                [{|#0:Loss(LossKind.BCE)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """),
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(1)]
                [Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """));
        test.ExpectedDiagnostics.Add(At(0, LossOutputMismatch, "Loss(LossKind.BCE) expects probabilities in [0, 1], but the output layer Linear(1) of Binary gives unbounded values, and binary cross-entropy throws as soon as one leaves [0, 1]; use LossKind.BCEWithLogits, which applies the sigmoid inside the loss, stably").WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0017_BCEWithLogitsAfterSigmoid_UsesBCE()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [Linear(1), {|#1:Sigmoid|}]
                [{|#0:Loss(LossKind.BCEWithLogits, Reduction = LossReduction.Sum)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """),
            Source("""
                [Model(4)]
                [Linear(1), Sigmoid]
                [Loss(LossKind.BCE, Reduction = LossReduction.Sum), Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """));
        test.ExpectedDiagnostics.Add(At(0, LossOutputMismatch, "Loss(LossKind.BCEWithLogits, Reduction = LossReduction.Sum) applies a sigmoid itself, but the output layer Sigmoid of Binary already gives probabilities in (0, 1): the loss sees sigmoid(p) in (0.5, 0.73), so it can never reach 0 and its gradients are scaled down; use LossKind.BCE, or remove Sigmoid").WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0018_InsertsReLUBeforeTheSecondMap()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [{|#1:Linear(8)|}]
                [{|#0:Linear(3)|}]
                public partial class Collapsing { }
                """),
            Source("""
                [Model(4)]
                [Linear(8)]
                [ReLU, Linear(3)]
                public partial class Collapsing { }
                """));
        test.ExpectedDiagnostics.Add(At(0, CollapsingLinearMaps, "Linear(3) (8 → 3) follows Linear(8) (4 → 8) with no non-linearity between them: two linear maps compose into one, so the pair learns nothing a single layer could not, with 67 parameters; insert an activation such as ReLU").WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0019_AddsBiasFalse()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(16, Kernel = 3, Padding = 1)|}, BatchNorm2d, ReLU]
                [Flatten, Linear(10)]
                public partial class Cnn { }
                """),
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(16, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
                [Flatten, Linear(10)]
                public partial class Cnn { }
                """));
        test.ExpectedDiagnostics.Add(At(0, BiasBeforeNormalization, "Conv2d(16, Kernel = 3, Padding = 1) learns 16 biases that BatchNorm2d right after it subtracts again with the per-channel mean (its shift β does their job): they cost parameters and change no output; set Bias = false"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0019_ReplacesBiasTrue()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(16)]
                [Linear(32, {|#0:Bias = true|}), BatchNorm1d, ReLU]
                [Linear(2)]
                public partial class Mlp { }
                """),
            Source("""
                [Model(16)]
                [Linear(32, Bias = false), BatchNorm1d, ReLU]
                [Linear(2)]
                public partial class Mlp { }
                """));
        test.ExpectedDiagnostics.Add(At(0, BiasBeforeNormalization, "Linear(32, Bias = true) learns 32 biases that BatchNorm1d right after it subtracts again with the per-channel mean (its shift β does their job): they cost parameters and change no output; set Bias = false"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0020_ReplacesEveryHiddenSaturatingActivationWithReLU()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(8)]
                [Linear(8), {|#0:Sigmoid|}]
                [Linear(8), {|#1:Sigmoid|}]
                [Linear(8), {|#2:Tanh|}]
                [Linear(8), {|#3:Sigmoid|}]
                [Linear(8), {|#4:Tanh|}]
                [Linear(1), Sigmoid]
                [Loss(LossKind.BCE), Optimizer(OptimizerKind.Adam)]
                public partial class Deep { }
                """),
            Source("""
                [Model(8)]
                [Linear(8), ReLU]
                [Linear(8), ReLU]
                [Linear(8), ReLU]
                [Linear(8), ReLU]
                [Linear(8), ReLU]
                [Linear(1), Sigmoid]
                [Loss(LossKind.BCE), Optimizer(OptimizerKind.Adam)]
                public partial class Deep { }
                """));
        test.ExpectedDiagnostics.Add(At(0, SaturatingActivations, "Deep has 5 hidden saturating activations (3 Sigmoid, 2 Tanh): backpropagation multiplies the gradient by each one's derivative (at most 0.25 for sigmoid, under 0.07 for tanh once |x| > 2), so in a stack this deep the first layers receive vanishing gradients and barely learn; use ReLU in the hidden layers (a sigmoid on a binary output is fine)")
            .WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0022_RemovesTheDropoutList()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3)]
                [{|#0:Dropout(0.5)|}]
                public partial class Noisy { }
                """),
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3)]
                public partial class Noisy { }
                """));
        test.ExpectedDiagnostics.Add(At(0, DropoutAfterOutput, "Dropout(0.5) comes after Linear(3), the output layer of Noisy: in training it randomly changes the predictions the loss compares with the targets, which adds noise to the loss instead of regularizing a hidden layer; remove it, or move it before the last layer with parameters"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0023_WritesTheInputProbability()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(1, 8, 8)]
                [Flatten, {|#0:Dropout|}, Linear(10)]
                public partial class Forgetful { }
                """),
            Source("""
                [Model(1, 8, 8)]
                [Flatten, Dropout(0.2), Linear(10)]
                public partial class Forgetful { }
                """));
        test.ExpectedDiagnostics.Add(At(0, InputDropout, "Dropout drops 50% of the inputs of Forgetful in training: an input feature that is dropped is information no later layer can recover, so input dropout keeps most of the input (p = 0.2, keeping 80%); lower p, or add noise to the inputs instead"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0024_WritesTheDefaultRate()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(4)]
                [Linear(1)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, {|#0:LearningRate = 0.5|}, WeightDecay = 1e-4)]
                public partial class Diverging { }
                """),
            Source("""
                [Model(4)]
                [Linear(1)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, LearningRate = 0.001, WeightDecay = 1e-4)]
                public partial class Diverging { }
                """));
        test.ExpectedDiagnostics.Add(At(0, LearningRateRange, "Optimizer(OptimizerKind.Adam, LearningRate = 0.5, WeightDecay = 1e-4): LearningRate = 0.5 is above 0.1, the most Adam trains with: steps that large overshoot the minimum and the loss grows to NaN within a few updates; use a rate in [1e-6, 0.1], such as Adam's default 0.001"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0025_ReplacesThePaddingWithAutoPadSame()
    {
        var test = new ReviewFixTest(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 4, Padding = 2)|}, ReLU]
                [Flatten, Linear(2)]
                public partial class Drifting { }
                """),
            Source("""
                [Model(1, 8, 8)]
                [Conv2d(4, Kernel = 4, AutoPad = AutoPad.Same), ReLU]
                [Flatten, Linear(2)]
                public partial class Drifting { }
                """));
        test.ExpectedDiagnostics.Add(At(0, EvenKernelPadding, "Conv2d(4, Kernel = 4, Padding = 2): an even kernel cannot keep the size with the same padding on both sides (2P would have to be D·(F − 1), which is odd), so the size changes (height 8 → 9, width 8 → 9) and the features drift half a pixel per layer; use AutoPad = AutoPad.Same, which pads one more on the far side as PyTorch's padding='same' does, or an odd kernel"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0027_RemovesStatic()
    {
        var test = new DeclarationFixTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public static partial class {|#0:Net|} { }
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net { }
                """));
        test.ExpectedDiagnostics.Add(At(0, StaticModel, "Net is static, so ModelGen generates no model for it: a model is a TorchSharp module that is instantiated; remove the static modifier"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0028_DeclaresAClass()
    {
        var test = new DeclarationFixTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial record {|#0:Net|};
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net;
                """));
        test.ExpectedDiagnostics.Add(At(0, RecordModel, "Net is a record, so ModelGen generates no model for it: a module that owns mutable parameters has no value equality; declare it as a partial class"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0029_ChainsToTheGeneratedConstructor()
    {
        var test = new DeclarationFixTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net
                {
                    public {|#0:Net|}(int seed)
                    {
                    }
                }
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net
                {
                    public Net(int seed) : this(device: null)
                    {
                    }
                }
                """));
        test.TestState.Sources.Add(ReviewDiagnosticTests.Generated("Net"));
        test.FixedState.Sources.Add(ReviewDiagnosticTests.Generated("Net"));
        test.ExpectedDiagnostics.Add(At(0, ModelConstructor, "The constructor Net(int seed) calls the base module's parameterless constructor, which does not exist (CS1729): ModelGen generates Net(Device? device = null), which creates the layers; chain to it with : this(device: null) or pass your device"));
        return test.RunAsync();
    }
}

using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The review rules (MG0016–MG0029): each fires at the attribute (or argument) that is wrong,
/// with its complete message, and nothing else is reported in the run; and each stays silent on
/// the sound variant of the same model.
/// </summary>
public sealed class ReviewDiagnosticTests
{
    [Fact]
    public Task MG0016_SoftmaxBeforeCrossEntropy_ReportedOnTheSoftmax() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3), {|#0:Softmax|}]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
                public partial class Iris { }
                """),
            At(0, SoftmaxBeforeCrossEntropy, "Softmax is the output layer of Iris, but Loss(LossKind.CrossEntropy) applies log-softmax itself and expects logits: the loss sees softmax(softmax(x)), whose inputs in (0, 1) make every class nearly equally likely, so the loss cannot approach 0 and its gradients shrink; remove Softmax and apply softmax when predicting"));

    [Fact]
    public Task MG0016_LogSoftmaxBeforeCrossEntropy_SaysItIsRedundant() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3), {|#0:LogSoftmax|}]
                [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
                public partial class Iris { }
                """),
            At(0, SoftmaxBeforeCrossEntropy, "LogSoftmax is the output layer of Iris, but Loss(LossKind.CrossEntropy) applies log-softmax itself and expects logits: the layer changes nothing the loss computes (log-softmax of log-probabilities is the same log-probabilities) and only costs time; remove LogSoftmax, or keep it and use LossKind.NLL"));

    [Fact]
    public Task MG0016_SoundPairings_Silent() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(4)]
            [Linear(8), ReLU, Linear(3)]
            [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
            public partial class Logits { }

            [Model(4)]
            [Linear(8), ReLU, Linear(3), LogSoftmax]
            [Loss(LossKind.NLL), Optimizer(OptimizerKind.Adam)]
            public partial class LogProbabilities { }

            [Model(4)]
            [Linear(8), ReLU, Linear(1), Sigmoid]
            [Loss(LossKind.BCE), Optimizer(OptimizerKind.Adam)]
            public partial class Probability { }

            [Model(4)]
            [Linear(8), ReLU, Linear(1), Flatten]
            [Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam)]
            public partial class Logit { }

            [Model(4)]
            [Linear(8), ReLU, Linear(3), Softmax]
            public partial class PredictsProbabilities { }
            """));

    [Fact]
    public Task MG0017_BCEWithLogitsAfterSigmoid_ReportedOnTheLoss_AlsoAtTheSigmoid() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(1), {|#1:Sigmoid|}]
                [{|#0:Loss(LossKind.BCEWithLogits)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """),
            At(0, LossOutputMismatch, "Loss(LossKind.BCEWithLogits) applies a sigmoid itself, but the output layer Sigmoid of Binary already gives probabilities in (0, 1): the loss sees sigmoid(p) in (0.5, 0.73), so it can never reach 0 and its gradients are scaled down; use LossKind.BCE, or remove Sigmoid").WithLocation(1));

    [Fact]
    public Task MG0017_BCEOnLogits_ReportedOnTheLoss() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [{|#1:Linear(1)|}]
                [{|#0:Loss(LossKind.BCE)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Binary { }
                """),
            At(0, LossOutputMismatch, "Loss(LossKind.BCE) expects probabilities in [0, 1], but the output layer Linear(1) of Binary gives unbounded values, and binary cross-entropy throws as soon as one leaves [0, 1]; use LossKind.BCEWithLogits, which applies the sigmoid inside the loss, stably").WithLocation(1));

    [Fact]
    public Task MG0017_NLLOnLogits_ReportedOnTheLoss() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [{|#1:Linear(3)|}]
                [{|#0:Loss(LossKind.NLL)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Classes { }
                """),
            At(0, LossOutputMismatch, "Loss(LossKind.NLL) expects log-probabilities, but the output layer Linear(3) of Classes gives unnormalized scores: the loss is then unbounded or wrong and training follows it; use LossKind.CrossEntropy, which applies log-softmax itself, or end the model with LogSoftmax").WithLocation(1));

    [Fact]
    public Task MG0017_KLDivergenceOnProbabilities_ReportedOnTheLoss() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3), {|#1:Softmax|}]
                [{|#0:Loss(LossKind.KLDivergence)|}, Optimizer(OptimizerKind.Adam)]
                public partial class Distribution { }
                """),
            At(0, LossOutputMismatch, "Loss(LossKind.KLDivergence) expects log-probabilities, but the output layer Softmax of Distribution gives probabilities, not their logarithm: the loss is then unbounded or wrong and training follows it; end the model with LogSoftmax").WithLocation(1));

    [Fact]
    public Task MG0018_TwoLinearLayersWithOnlyDropoutBetween_ReportedOnTheSecond() =>
        // 4·8 + 8 = 40 and 8·3 + 3 = 27 parameters: 67.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [{|#1:Linear(8)|}, Dropout(0.2)]
                [{|#0:Linear(3)|}]
                public partial class Collapsing { }
                """),
            At(0, CollapsingLinearMaps, "Linear(3) (8 → 3) follows Linear(8) (4 → 8) with no non-linearity between them: two linear maps compose into one, so the pair learns nothing a single layer could not, with 67 parameters; insert an activation such as ReLU").WithLocation(1));

    [Fact]
    public Task MG0018_ConvFlattenLinear_ReportedOnTheLinear() =>
        // 2·1·3·3 + 2 = 20 and 72·2 + 2 = 146 parameters: 166.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#1:Conv2d(2, Kernel = 3)|}]
                [Flatten, {|#0:Linear(2)|}]
                public partial class Collapsing { }
                """),
            At(0, CollapsingLinearMaps, "Linear(2) (72 → 2) follows Conv2d(2, Kernel = 3) (1×8×8 → 2×6×6) with no non-linearity between them: two linear maps compose into one, so the pair learns nothing a single layer could not, with 166 parameters; insert an activation such as ReLU").WithLocation(1));

    [Fact]
    public Task MG0018_ActivationOrPoolingBetween_Silent() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(1, 8, 8)]
            [Conv2d(2, Kernel = 3), MaxPool2d(2)]
            [Flatten, Linear(4), Tanh, Linear(2)]
            public partial class Sound { }
            """));

    [Fact]
    public Task MG0019_ConvBiasBeforeBatchNorm_ReportedOnTheConv() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(16, Kernel = 3, Padding = 1)|}, BatchNorm2d, ReLU]
                [Flatten, Linear(10)]
                public partial class Cnn { }
                """),
            At(0, BiasBeforeNormalization, "Conv2d(16, Kernel = 3, Padding = 1) learns 16 biases that BatchNorm2d right after it subtracts again with the per-channel mean (its shift β does their job): they cost parameters and change no output; set Bias = false"));

    [Fact]
    public Task MG0019_BiasWrittenTrue_ReportedOnTheArgument() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(16)]
                [Linear(32, {|#0:Bias = true|}), BatchNorm1d, ReLU]
                [Linear(2)]
                public partial class Mlp { }
                """),
            At(0, BiasBeforeNormalization, "Linear(32, Bias = true) learns 32 biases that BatchNorm1d right after it subtracts again with the per-channel mean (its shift β does their job): they cost parameters and change no output; set Bias = false"));

    [Fact]
    public Task MG0019_NoBiasOrBiasAcrossAnotherAxis_Silent() =>
        // On an L×F sequence Linear adds its bias along F, and BatchNorm1d normalizes per position L.
        AnalyzerTest.VerifyAsync(Source("""
            [Model(16)]
            [Linear(32, Bias = false), BatchNorm1d, ReLU, Linear(2)]
            public partial class Mlp { }

            [Model(5, 8)]
            [Linear(4), BatchNorm1d, ReLU]
            public partial class Sequence { }
            """));

    [Fact]
    public Task MG0020_FiveHiddenSaturatingActivations_ReportedOnTheFirst_AlsoAtTheOthers() =>
        AnalyzerTest.VerifyAsync(
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
            At(0, SaturatingActivations, "Deep has 5 hidden saturating activations (3 Sigmoid, 2 Tanh): backpropagation multiplies the gradient by each one's derivative (at most 0.25 for sigmoid, under 0.07 for tanh once |x| > 2), so in a stack this deep the first layers receive vanishing gradients and barely learn; use ReLU in the hidden layers (a sigmoid on a binary output is fine)")
                .WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4));

    [Fact]
    public Task MG0020_FourHiddenTanhAsInLeNet5_Silent() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(8)]
            [Linear(8), Tanh, Linear(8), Tanh, Linear(8), Tanh, Linear(8), Tanh]
            [Linear(1), Sigmoid]
            public partial class Shallow { }
            """));

    [Fact]
    public Task MG0022_DropoutAfterTheOutput_ReportedOnTheDropout() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(8), ReLU]
                [Linear(3), {|#0:Dropout(0.5)|}]
                public partial class Noisy { }
                """),
            At(0, DropoutAfterOutput, "Dropout(0.5) comes after Linear(3), the output layer of Noisy: in training it randomly changes the predictions the loss compares with the targets, which adds noise to the loss instead of regularizing a hidden layer; remove it, or move it before the last layer with parameters"));

    [Fact]
    public Task MG0023_HalfTheInputDropped_ReportedOnTheProbability() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(64)]
                [Dropout({|#0:0.6|}), Linear(32), ReLU]
                [Linear(10)]
                public partial class Forgetful { }
                """),
            At(0, InputDropout, "Dropout(0.6) drops 60% of the inputs of Forgetful in training: an input feature that is dropped is information no later layer can recover, so input dropout keeps most of the input (p = 0.2, keeping 80%); lower p, or add noise to the inputs instead"));

    [Fact]
    public Task MG0023_DefaultProbabilityAfterFlatten_ReportedOnTheAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [Flatten, {|#0:Dropout|}, Linear(10)]
                public partial class Forgetful { }
                """),
            At(0, InputDropout, "Dropout drops 50% of the inputs of Forgetful in training: an input feature that is dropped is information no later layer can recover, so input dropout keeps most of the input (p = 0.2, keeping 80%); lower p, or add noise to the inputs instead"));

    [Fact]
    public Task MG0024_SgdAboveOne_ReportedOnTheLearningRate() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, {|#0:LearningRate = 5|})]
                public partial class Diverging { }
                """),
            At(0, LearningRateRange, "Optimizer(OptimizerKind.SGD, LearningRate = 5): LearningRate = 5 is above 1, the most SGD trains with: steps that large overshoot the minimum and the loss grows to NaN within a few updates; use a rate in [1e-6, 1], such as SGD's default 0.01"));

    [Fact]
    public Task MG0024_AdamAboveATenth_ReportedOnTheLearningRate() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, {|#0:LearningRate = 0.5|})]
                public partial class Diverging { }
                """),
            At(0, LearningRateRange, "Optimizer(OptimizerKind.Adam, LearningRate = 0.5): LearningRate = 0.5 is above 0.1, the most Adam trains with: steps that large overshoot the minimum and the loss grows to NaN within a few updates; use a rate in [1e-6, 0.1], such as Adam's default 0.001"));

    [Fact]
    public Task MG0024_FarBelowTheRange_ReportedOnTheLearningRate() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(1)]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.RMSprop, {|#0:LearningRate = 1e-9|})]
                public partial class Frozen { }
                """),
            At(0, LearningRateRange, "Optimizer(OptimizerKind.RMSprop, LearningRate = 1e-9): LearningRate = 1e-9 is below 1e-6, the least RMSprop trains with: steps scaled by 1e-9 leave the weights where they started even after a whole run; use a rate in [1e-6, 0.1], such as RMSprop's default 0.01"));

    [Fact]
    public Task MG0024_SaneRates_Silent() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(4)]
            [Linear(1)]
            [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 1, Momentum = 0.9)]
            public partial class Sgd { }

            [Model(4)]
            [Linear(1)]
            [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adadelta, LearningRate = 1)]
            public partial class Adadelta { }
            """));

    [Fact]
    public Task MG0025_EvenKernelPaddedHalf_ReportedOnTheConv() =>
        // 8 + 2·2 − 3 = 9 on both axes.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(1, 8, 8)]
                [{|#0:Conv2d(4, Kernel = 4, Padding = 2)|}, ReLU]
                [Flatten, Linear(2)]
                public partial class Drifting { }
                """),
            At(0, EvenKernelPadding, "Conv2d(4, Kernel = 4, Padding = 2): an even kernel cannot keep the size with the same padding on both sides (2P would have to be D·(F − 1), which is odd), so the size changes (height 8 → 9, width 8 → 9) and the features drift half a pixel per layer; use AutoPad = AutoPad.Same, which pads one more on the far side as PyTorch's padding='same' does, or an odd kernel"));

    [Fact]
    public Task MG0025_OddKernelsAndUnpaddedEvenKernels_Silent() =>
        AnalyzerTest.VerifyAsync(Source("""
            [Model(1, 8, 8)]
            [Conv2d(4, Kernel = 3, Padding = 1), ReLU]
            [Conv2d(4, Kernel = 2), ReLU]
            [Conv2d(4, Kernel = 4, AutoPad = AutoPad.Same), ReLU]
            [Flatten, Linear(2)]
            public partial class Sound { }
            """));

    [Fact]
    public Task MG0026_TenBillionParameters_ReportedOnTheLargestLayer() =>
        // The example: 4·(2³¹ − 1) + (2³¹ − 1) = 10,737,418,235 parameters, 4 bytes each;
        // Adam keeps weights, gradients and two moments: 4 × 42,949,672,940 bytes.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [{|#0:Linear(int.MaxValue)|}]
                [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam)]
                public partial class Huge { }
                """),
            At(0, ParameterMemory, "Huge has 10,737,418,235 parameters, 42,949,672,940 bytes (40.0 GiB) of float32 weights alone, more than the 8.0 GiB one machine can be expected to hold; training with Adam holds at least 171,798,691,760 bytes (weights, gradients and optimizer state, before any activation); Linear(int.MaxValue) holds 10,737,418,235 of them: make it smaller"));

    [Fact]
    public Task MG0027_StaticModel_ReportedOnTheClassName() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(2)]
                public static partial class {|#0:Net|} { }
                """),
            At(0, StaticModel, "Net is static, so ModelGen generates no model for it: a model is a TorchSharp module that is instantiated; remove the static modifier"));

    [Fact]
    public Task MG0028_RecordModel_ReportedOnTheRecordName() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial record {|#0:Net|};
                """),
            At(0, RecordModel, "Net is a record, so ModelGen generates no model for it: a module that owns mutable parameters has no value equality; declare it as a partial class"));

    [Fact]
    public Task MG0029_OwnConstructor_ReportedOnTheConstructor()
    {
        // The generated half (a stand-in here) has a constructor calling base(...): it is not reported.
        var test = new AnalyzerTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net
                {
                    public {|#0:Net|}(int seed) { }

                    public Net(string name) : this(device: null) { }
                }
                """),
            Generated("Net"));
        test.ExpectedDiagnostics.Add(At(0, ModelConstructor, "The constructor Net(int seed) calls the base module's parameterless constructor, which does not exist (CS1729): ModelGen generates Net(Device? device = null), which creates the layers; chain to it with : this(device: null) or pass your device"));
        return test.RunAsync();
    }

    [Fact]
    public Task MG0029_PrimaryConstructor_ReportedOnTheParameterList() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class Net{|#0:(int seed)|};
                """),
            At(0, ModelConstructor, "Net has a primary constructor, which every other constructor must chain to, but ModelGen generates Net(Device? device = null) : base(\"Net\"); remove the parameter list and write an ordinary constructor ending in : this(device)"));

    /// <summary>A stand-in for the generator's half of a model: the constructor the fixes chain to, in a file marked generated.</summary>
    internal static string Generated(string name) =>
        "// <auto-generated/>\n#nullable enable\nnamespace Samples\n{\n    partial class " + name + "\n    {\n        public " + name + "(object? device = null) : base() { }\n    }\n}\n";
}

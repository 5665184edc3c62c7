using System;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;

namespace ModelGen.Analyzers
{
    /// <summary>
    /// The review rules: models that compile and run but train badly, and declarations that
    /// generate nothing or fail in the generated file. All warnings by default (configurable in
    /// <c>.editorconfig</c>), found by <see cref="ModelReview"/> and <c>DeclarationReview</c>.
    /// </summary>
    internal static partial class DiagnosticDescriptors
    {
        /// <summary>Category of rules about how a model will train: losses, activations, regularization, optimizers, memory.</summary>
        public const string ReviewCategory = "ModelGen.Review";

        public const string SoftmaxBeforeCrossEntropyId = "MG0016";
        public const string LossOutputMismatchId = "MG0017";
        public const string CollapsingLinearMapsId = "MG0018";
        public const string BiasBeforeNormalizationId = "MG0019";
        public const string SaturatingActivationsId = "MG0020";
        public const string NoGradientId = "MG0021";
        public const string DropoutAfterOutputId = "MG0022";
        public const string InputDropoutId = "MG0023";
        public const string LearningRateRangeId = "MG0024";
        public const string EvenKernelPaddingId = "MG0025";
        public const string ParameterMemoryId = "MG0026";
        public const string StaticModelId = "MG0027";
        public const string RecordModelId = "MG0028";
        public const string ModelConstructorId = "MG0029";

        public static readonly DiagnosticDescriptor SoftmaxBeforeCrossEntropy = Create(
            SoftmaxBeforeCrossEntropyId,
            "Softmax before a loss that applies it",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "CrossEntropy applies log-softmax to the model's output itself and expects raw scores (logits). A Softmax output layer makes the loss see softmax(softmax(x)): the probabilities are squeezed towards uniform, the loss cannot approach 0 and the gradients shrink. A LogSoftmax output layer is redundant. Remove the layer; apply softmax when predicting.");

        public static readonly DiagnosticDescriptor LossOutputMismatch = Create(
            LossOutputMismatchId,
            "Loss does not match the output layer",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Each loss expects one kind of output: BCE probabilities (a Sigmoid output), BCEWithLogits raw scores (it applies the sigmoid itself), NLL and KLDivergence log-probabilities (a LogSoftmax output). Use the loss that matches the output layer.");

        public static readonly DiagnosticDescriptor CollapsingLinearMaps = Create(
            CollapsingLinearMapsId,
            "Linear maps without a non-linearity between them",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Two linear maps (Linear, convolutions) with only reshapes or dropout between them compose into a single linear map: the extra layer adds parameters but no expressive power. Insert an activation such as ReLU between them.");

        public static readonly DiagnosticDescriptor BiasBeforeNormalization = Create(
            BiasBeforeNormalizationId,
            "Bias before a normalization that removes it",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Batch and instance normalization subtract each channel's mean, which removes a per-channel bias added just before, and add their own learned shift. The bias costs parameters and changes nothing; set Bias = false on the layer.");

        public static readonly DiagnosticDescriptor SaturatingActivations = Create(
            SaturatingActivationsId,
            "Saturating activations in a deep stack",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Sigmoid and tanh saturate: their derivative is at most 0.25 (sigmoid) and near 0 for large inputs, and backpropagation multiplies the gradient by it at every layer. With five or more of them in hidden layers the first layers receive vanishing gradients. Use ReLU in the hidden layers.");

        public static readonly DiagnosticDescriptor NoGradient = Create(
            NoGradientId,
            "Layer without gradient in a trained model",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "A layer whose derivative is zero wherever it exists (a step function) passes no gradient back, so in a model with a loss and an optimizer the layers before it never learn. Use a differentiable activation.");

        public static readonly DiagnosticDescriptor DropoutAfterOutput = Create(
            DropoutAfterOutputId,
            "Dropout after the output layer",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Dropout as the last layer randomly zeroes and rescales the predictions that the loss compares with the targets. That is noise on the loss, not regularization of a hidden layer. Remove it or move it before the last layer with parameters.");

        public static readonly DiagnosticDescriptor InputDropout = Create(
            InputDropoutId,
            "Heavy dropout on the input",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Dropping half of the input features or more throws away information no later layer can recover. Input dropout keeps most of the input (p = 0.2); PyTorch's p is the probability of dropping, not of keeping as in some course notes.");

        public static readonly DiagnosticDescriptor LearningRateRange = Create(
            LearningRateRangeId,
            "Learning rate outside the optimizer's range",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "Each optimizer trains within a range of learning rates: SGD and Adagrad up to 1, Adam, AdamW, Adamax, NAdam and RMSprop up to 0.1, Adadelta up to 10, none below 1e-6 (Adadelta 1e-3). Above it the loss diverges; below it the weights do not move.");

        public static readonly DiagnosticDescriptor EvenKernelPadding = Create(
            EvenKernelPaddingId,
            "Even kernel cannot keep the size",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "With stride 1 a window keeps the input size when 2P = D·(F − 1). For an even kernel that number is odd, so symmetric padding makes the output one larger or one smaller than the input. Use AutoPad = AutoPad.Same (PyTorch pads one more on the far side) or an odd kernel.");

        public static readonly DiagnosticDescriptor ParameterMemory = Create(
            ParameterMemoryId,
            "Parameters exceed the memory of one machine",
            ReviewCategory,
            DiagnosticSeverity.Warning,
            "The compile-time estimate of the model's float32 parameters is above 8 GiB. Construction allocates all of them, and training needs two to four times as much for gradients and optimizer state. Check the layer sizes.");

        public static readonly DiagnosticDescriptor StaticModel = Create(
            StaticModelId,
            "Model class is static",
            DeclarationCategory,
            DiagnosticSeverity.Warning,
            "A model is a TorchSharp module that is instantiated, so ModelGen generates nothing for a static class (and reports nothing else). Remove the static modifier.");

        public static readonly DiagnosticDescriptor RecordModel = Create(
            RecordModelId,
            "Model is a record",
            DeclarationCategory,
            DiagnosticSeverity.Warning,
            "ModelGen generates models for classes only: a record's value equality and copy constructor make no sense for a module that owns mutable parameters, and nothing is generated for it. Declare a partial class.");

        public static readonly DiagnosticDescriptor ModelConstructor = Create(
            ModelConstructorId,
            "Model constructor does not call the generated one",
            DeclarationCategory,
            DiagnosticSeverity.Warning,
            "ModelGen generates the model's constructor, which names the module and creates the layers. A constructor of your own must chain to it with : this(device) (or : this()); otherwise the base module has no constructor to call (CS1729) or the layers are never created. A primary constructor cannot chain to it: use an ordinary constructor.");

        /// <summary>The descriptor of a finding of the shared review.</summary>
        public static DiagnosticDescriptor For(ReviewKind kind) => kind switch
        {
            ReviewKind.SoftmaxBeforeCrossEntropy => SoftmaxBeforeCrossEntropy,
            ReviewKind.LossOutputMismatch => LossOutputMismatch,
            ReviewKind.CollapsingLinearMaps => CollapsingLinearMaps,
            ReviewKind.BiasBeforeNormalization => BiasBeforeNormalization,
            ReviewKind.SaturatingActivations => SaturatingActivations,
            ReviewKind.NoGradient => NoGradient,
            ReviewKind.DropoutAfterOutput => DropoutAfterOutput,
            ReviewKind.InputDropout => InputDropout,
            ReviewKind.LearningRateRange => LearningRateRange,
            ReviewKind.EvenKernelPadding => EvenKernelPadding,
            ReviewKind.ParameterMemory => ParameterMemory,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A review kind without a descriptor."),
        };

        /// <summary>Every review descriptor, for the analyzer's supported diagnostics.</summary>
        public static DiagnosticDescriptor[] Review { get; } =
        {
            SoftmaxBeforeCrossEntropy, LossOutputMismatch, CollapsingLinearMaps, BiasBeforeNormalization, SaturatingActivations, NoGradient,
            DropoutAfterOutput, InputDropout, LearningRateRange, EvenKernelPadding, ParameterMemory, StaticModel, RecordModel, ModelConstructor,
        };
    }
}

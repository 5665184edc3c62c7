using System;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;

namespace ModelGen.Analyzers
{
    /// <summary>
    /// Every diagnostic ModelGen reports. Ids are never reused: a retired rule keeps its id, and a
    /// new rule takes the highest id in <c>AnalyzerReleases.*.md</c> plus one. Messages arrive
    /// complete (the shared domain names the layer as written and the numbers), so each message
    /// format is <c>{0}</c> followed by the page that explains the rule (see <see cref="Create"/>).
    /// Each rule has a page under <c>docs/diagnostics/</c>; the review rules (MG0016 and on) are in
    /// <c>DiagnosticDescriptors.Review.cs</c>.
    /// </summary>
    internal static partial class DiagnosticDescriptors
    {
        /// <summary>
        /// Where help links will point once the project has a public home (one page per id under
        /// it); null until then, because a link to an address that is not the project's leads
        /// nowhere. Meanwhile every message names its page, <see cref="DocsPage"/>.
        /// </summary>
        public static readonly string? HelpLinkBase;

        /// <summary>The page of <paramref name="id"/>, relative to the repository root.</summary>
        public static string DocsPage(string id) => "docs/diagnostics/" + id + ".md";

        /// <summary>Category of rules about the shapes flowing through the layers.</summary>
        public const string ShapeCategory = "ModelGen.Shape";

        /// <summary>Category of rules about how a model class and its attributes are declared.</summary>
        public const string DeclarationCategory = "ModelGen.Declaration";

        /// <summary>Category of rules about the loss and the optimizer.</summary>
        public const string TrainingCategory = "ModelGen.Training";

        /// <summary>A layer's output would have a zero or negative size.</summary>
        public const string EmptyOutputId = "MG0001";

        /// <summary>An attribute argument is out of its range.</summary>
        public const string InvalidArgumentId = "MG0002";

        /// <summary>(W − F + 2P) is not a multiple of S: the last rows/columns are dropped.</summary>
        public const string StrideRemainderId = "MG0003";

        /// <summary>The model class or a type containing it is not partial.</summary>
        public const string NotPartialId = "MG0004";

        /// <summary>Layer, loss or optimizer attributes sit on another partial declaration than [Model].</summary>
        public const string SpreadAttributesId = "MG0005";

        /// <summary>Linear receives a feature map without Flatten.</summary>
        public const string LinearNeedsFlattenId = "MG0006";

        /// <summary>A layer receives a tensor of the wrong rank.</summary>
        public const string RankMismatchId = "MG0007";

        /// <summary>The model declares no layers.</summary>
        public const string NoLayersId = "MG0008";

        /// <summary>A loss without an optimizer, or the reverse.</summary>
        public const string IncompleteTrainingId = "MG0009";

        /// <summary>ModelGen attributes on a class without [Model].</summary>
        public const string MissingModelId = "MG0010";

        /// <summary>A loss and an optimizer on a model without trainable parameters.</summary>
        public const string NothingToTrainId = "MG0011";

        /// <summary>Token ids reach a layer other than Embedding, or Embedding receives floats.</summary>
        public const string InputKindMismatchId = "MG0012";

        /// <summary>A layer that needs every size known receives a tensor whose size depends on the symbolic sequence length.</summary>
        public const string SymbolicLengthId = "MG0013";

        /// <summary>A trainable model trains with autograd because a layer has no generated backward rule.</summary>
        public const string AutogradBackwardId = "MG0014";

        /// <summary>Category of rules about exporting a model (ONNX).</summary>
        public const string ExportCategory = "ModelGen.Export";

        /// <summary>A layer has no ONNX mapping, so the model gets no ExportOnnx.</summary>
        public const string OnnxUnmappedId = "MG0015";

        public static readonly DiagnosticDescriptor OnnxUnmapped = Create(
            OnnxUnmappedId,
            "Model cannot be exported to ONNX",
            ExportCategory,
            DiagnosticSeverity.Info,
            "Every generated model gets ExportOnnx(path) when its whole forward has an ONNX mapping in evaluation mode: every layer kind, block, residual sum, branch join and reused layer maps. What the compile-time plan does not describe, a forward written by hand (the model's, or a block's that the model uses), keeps the export method out of the model rather than writing a half graph. The model itself is generated and trains as usual.");

        /// <summary>A block is used without a parameter its layers take.</summary>
        public const string MissingBlockParameterId = "MG0030";

        /// <summary>A use gives a block a parameter none of its layers takes.</summary>
        public const string UnusedBlockParameterId = "MG0031";

        /// <summary>A residual block's body and shortcut cannot be added.</summary>
        public const string ResidualMismatchId = "MG0032";

        /// <summary>Joined branches disagree on a dimension they must share.</summary>
        public const string BranchMismatchId = "MG0033";

        /// <summary>Two layers of a model or block have the same name.</summary>
        public const string DuplicateNameId = "MG0034";

        /// <summary>A reused layer receives an input of another size.</summary>
        public const string SharedWeightsMismatchId = "MG0035";

        public static readonly DiagnosticDescriptor EmptyOutput = Create(
            EmptyOutputId,
            "Layer output would be empty",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "The layer's window (kernel, dilation) is larger than its padded input, so the output-size rule out = floor((W − F + 2P) / S) + 1 gives zero or less. TorchSharp would throw when the model first runs; remove a pooling stage above it, pad the input, or use a smaller kernel.");

        public static readonly DiagnosticDescriptor InvalidArgument = Create(
            InvalidArgumentId,
            "Invalid attribute argument",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "An attribute argument is outside the range the layer accepts: sizes, kernels, strides and dilations must be positive, paddings zero or positive, dropout probabilities in [0, 1), the input shape non-empty and positive, enum values defined.");

        public static readonly DiagnosticDescriptor StrideRemainder = Create(
            StrideRemainderId,
            "Stride does not divide the padded input",
            ShapeCategory,
            DiagnosticSeverity.Warning,
            "(W − F + 2P) is not a multiple of the stride S, so the window never reaches the last rows or columns of the padded input: they are silently ignored. Adjust the padding, the kernel or the stride if those pixels matter.");

        public static readonly DiagnosticDescriptor NotPartial = Create(
            NotPartialId,
            "Model class must be partial",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "ModelGen generates the TorchSharp half of a model in a second partial declaration of the class, which needs the class and every type containing it to be declared partial. Nothing is generated until they are.");

        public static readonly DiagnosticDescriptor SpreadAttributes = Create(
            SpreadAttributesId,
            "Model attributes are spread over partial declarations",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "The layer list is read in source order, and the order of attributes on different partial declarations is the order in which the compiler visits the files. Layer, loss and optimizer attributes must sit on the declaration that carries [Model]; nothing is generated until they do.");

        public static readonly DiagnosticDescriptor LinearNeedsFlatten = Create(
            LinearNeedsFlattenId,
            "Linear needs flat features",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "Linear on a C×H×W feature map acts on the last dimension only (each row of each channel separately), which is almost never what a model means and silently changes the output shape. Add [Flatten] above the Linear layer. It is an error rather than a warning for that reason.");

        public static readonly DiagnosticDescriptor RankMismatch = Create(
            RankMismatchId,
            "Layer receives a tensor of the wrong rank",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "The layer expects a different number of dimensions than the layer above produces: Conv2d, pooling and BatchNorm2d need a C×H×W feature map, BatchNorm1d needs flat features or a C×L sequence.");

        public static readonly DiagnosticDescriptor NoLayers = Create(
            NoLayersId,
            "Model declares no layers",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "A class marked [Model] needs at least one layer attribute after [Model]; otherwise there is no network to generate.");

        public static readonly DiagnosticDescriptor IncompleteTraining = Create(
            IncompleteTrainingId,
            "Loss or optimizer missing",
            TrainingCategory,
            DiagnosticSeverity.Warning,
            "A training step needs both a [Loss] and an [Optimizer]. With only one of them, the model is generated without TrainStep; declare the other, or remove the one that is there.");

        public static readonly DiagnosticDescriptor MissingModel = Create(
            MissingModelId,
            "ModelGen attributes without [Model]",
            DeclarationCategory,
            DiagnosticSeverity.Warning,
            "Layer, loss and optimizer attributes only take effect on a class marked [Model(...)] with the input shape. Without it they are ignored and no model is generated.");

        public static readonly DiagnosticDescriptor NothingToTrain = Create(
            NothingToTrainId,
            "Nothing to train",
            TrainingCategory,
            DiagnosticSeverity.Warning,
            "The model declares a [Loss] and an [Optimizer] but none of its layers has a trainable parameter (only activations, pooling, Flatten, Dropout), so a backward pass would have nothing to differentiate. The model is generated without TrainStep.");

        public static readonly DiagnosticDescriptor InputKindMismatch = Create(
            InputKindMismatchId,
            "Layer receives the wrong kind of input",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "A model whose input is token ids ([Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]) must start with Embedding, which turns each id into a vector; any other layer would receive int64 indices. Embedding takes token ids only, so it must be the first layer of a model declared with token-id input.");

        public static readonly DiagnosticDescriptor SymbolicLength = Create(
            SymbolicLengthId,
            "Layer needs a fixed sequence length",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "The model's sequence length is symbolic ([Model(300, SequenceLength = \"L\")]), so any tensor that has L in its shape has no fixed size. Layers that act position by position (Linear, recurrent layers, attention, element-wise layers) take it; a layer that needs every size (Flatten, BatchNorm1d, convolutions) does not. Reduce the sequence first (a recurrent layer with ReturnSequences = false) or declare a fixed length.");

        public static readonly DiagnosticDescriptor AutogradBackward = Create(
            AutogradBackwardId,
            "Model trains with autograd",
            TrainingCategory,
            DiagnosticSeverity.Info,
            "A trainable model computes its gradients with the generated Backward when every layer's kind has a backward rule. One layer's kind has none yet, so TrainStep and ComputeGradients use libtorch's autograd, which records a graph on every forward. Training works either way; declare [Model(..., Autograd = true)] to make autograd the stated choice, or replace the layer.");

        public static readonly DiagnosticDescriptor MissingBlockParameter = Create(
            MissingBlockParameterId,
            "Block used without a parameter it takes",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "A layer of the block takes a block parameter (Block.Width, Block.Stride, …) that the use does not give, so the block's sizes are unknown. Give the value in the use: [Repeat<BasicBlock>(2, Width = 64, Stride = 1)].");

        public static readonly DiagnosticDescriptor UnusedBlockParameter = Create(
            UnusedBlockParameterId,
            "Block parameter is not used",
            DeclarationCategory,
            DiagnosticSeverity.Warning,
            "The use gives the block a parameter that none of its layers takes, so the value has no effect. Remove it, or write Block.X where the block should take it.");

        public static readonly DiagnosticDescriptor ResidualMismatch = Create(
            ResidualMismatchId,
            "Residual shapes cannot be added",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "A residual block adds its input (or its projection) to its body's output. The identity shortcut needs both shapes equal; a projection (1×1 convolution with stride, batch norm) needs channel-first maps of one rank whose spatial sizes one stride maps onto each other.");

        public static readonly DiagnosticDescriptor BranchMismatch = Create(
            BranchMismatchId,
            "Branches cannot be joined",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "Concatenation joins the branches' outputs along the channels, so every other dimension must agree; a sum needs equal shapes. TorchSharp would throw when the model first runs.");

        public static readonly DiagnosticDescriptor DuplicateName = Create(
            DuplicateNameId,
            "Name used twice",
            DeclarationCategory,
            DiagnosticSeverity.Error,
            "A layer's name is its field and its state_dict prefix, so two layers of one model or block cannot share it. Rename one; to apply one layer twice with the same weights, write [Reuse(\"name\")].");

        public static readonly DiagnosticDescriptor SharedWeightsMismatch = Create(
            SharedWeightsMismatchId,
            "Shared layer receives another input size",
            ShapeCategory,
            DiagnosticSeverity.Error,
            "A layer applied twice keeps one set of weights, built for the input size of its first use; the second input must have the same size.");

        /// <summary>The descriptor of a problem found by the shared domain code.</summary>
        public static DiagnosticDescriptor For(ProblemKind kind) => kind switch
        {
            ProblemKind.EmptyOutput => EmptyOutput,
            ProblemKind.InvalidArgument => InvalidArgument,
            ProblemKind.StrideRemainder => StrideRemainder,
            ProblemKind.LinearNeedsFlatten => LinearNeedsFlatten,
            ProblemKind.RankMismatch => RankMismatch,
            ProblemKind.NoLayers => NoLayers,
            ProblemKind.IncompleteTraining => IncompleteTraining,
            ProblemKind.NothingToTrain => NothingToTrain,
            ProblemKind.InputKindMismatch => InputKindMismatch,
            ProblemKind.SymbolicLength => SymbolicLength,
            ProblemKind.AutogradBackward => AutogradBackward,
            ProblemKind.OnnxUnmapped => OnnxUnmapped,
            ProblemKind.MissingBlockParameter => MissingBlockParameter,
            ProblemKind.UnusedBlockParameter => UnusedBlockParameter,
            ProblemKind.ResidualMismatch => ResidualMismatch,
            ProblemKind.BranchMismatch => BranchMismatch,
            ProblemKind.DuplicateName => DuplicateName,
            ProblemKind.SharedWeightsMismatch => SharedWeightsMismatch,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A problem kind without a descriptor."),
        };

        /// <summary>
        /// Builds every descriptor. The message is the complete text from the rule, then the docs
        /// page in parentheses: <c>dotnet build</c> prints only the id and the message (never the
        /// help link or the description), so the message is the one place a reader sees where the
        /// explanation and the fix are written. The description ends with the page too, for the IDE.
        /// </summary>
        private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity, string description) =>
            new(
                id,
                title,
                messageFormat: "{0} (" + DocsPage(id) + ")",
                category,
                severity,
                isEnabledByDefault: true,
                description + " See " + DocsPage(id) + ".",
                helpLinkUri: HelpLinkBase is null ? null : HelpLinkBase + id + ".md");
    }
}

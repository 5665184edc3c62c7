namespace ModelGen.Domain
{
    /// <summary>What a problem found in a declaration is about; each kind has one diagnostic id.</summary>
    internal enum ProblemKind
    {
        /// <summary>MG0001: a layer's output would have a zero or negative size.</summary>
        EmptyOutput,

        /// <summary>MG0002: an argument is out of its range (kernel ≤ 0, dropout ≥ 1, …).</summary>
        InvalidArgument,

        /// <summary>MG0003: (W − F + 2P) is not a multiple of S; the last rows/columns are dropped.</summary>
        StrideRemainder,

        /// <summary>MG0006: a flat layer receives a feature map without Flatten.</summary>
        LinearNeedsFlatten,

        /// <summary>MG0007: a layer receives a tensor of the wrong rank (Conv2d after Flatten, …).</summary>
        RankMismatch,

        /// <summary>MG0008: the model declares no layers.</summary>
        NoLayers,

        /// <summary>MG0009: a loss without an optimizer or the reverse; no training step is generated.</summary>
        IncompleteTraining,

        /// <summary>MG0011: a loss and an optimizer, but no layer has a trainable parameter; no training step is generated.</summary>
        NothingToTrain,

        /// <summary>MG0012: token ids reach a layer other than Embedding, or Embedding receives floats.</summary>
        InputKindMismatch,

        /// <summary>MG0013: a layer that needs every size known receives a tensor whose size depends on the symbolic sequence length.</summary>
        SymbolicLength,

        /// <summary>MG0014 (information): a trainable model trains with autograd because a layer has no generated backward rule.</summary>
        AutogradBackward,

        /// <summary>MG0015: a layer has no ONNX mapping, so the model gets no ExportOnnx (info).</summary>
        OnnxUnmapped,

        /// <summary>MG0030: a block is used without a parameter its layers take (<c>Block.Width</c> with no <c>Width</c>).</summary>
        MissingBlockParameter,

        /// <summary>MG0031: a use gives a block a parameter that none of its layers takes.</summary>
        UnusedBlockParameter,

        /// <summary>MG0032: a residual block's body and shortcut have shapes that cannot be added.</summary>
        ResidualMismatch,

        /// <summary>MG0033: branches joined by concatenation or sum disagree on a dimension they must share.</summary>
        BranchMismatch,

        /// <summary>MG0034: two layers of one model or block have the same name (the same field and state_dict prefix).</summary>
        DuplicateName,

        /// <summary>MG0035: a reused layer receives an input of another size than the one its weights were built for.</summary>
        SharedWeightsMismatch,
    }

    /// <summary>Where a problem is reported.</summary>
    internal enum ProblemTarget
    {
        Model,
        Layer,
        Loss,
        Optimizer,

        /// <summary>An <c>[Initialize]</c> attribute; <see cref="ModelProblem.LayerIndex"/> is its position among them.</summary>
        Initializer,
    }

    /// <summary>A problem with a declaration, its message complete (names the layer and the numbers).</summary>
    /// <param name="Kind">The kind, which fixes the diagnostic id and severity.</param>
    /// <param name="Target">The attribute the problem is about.</param>
    /// <param name="LayerIndex">For <see cref="ProblemTarget.Layer"/>, the layer's position (0-based).</param>
    /// <param name="Message">The complete message.</param>
    internal sealed record ModelProblem(ProblemKind Kind, ProblemTarget Target, int LayerIndex, string Message)
    {
        /// <summary>
        /// What a code fix writes, as <c>Property=value</c> for a named argument of the attribute
        /// (<c>PaddingHeight=1</c>), or null when no fix applies.
        /// </summary>
        public string? Fix { get; init; }

        /// <summary>Whether the problem stops code generation (errors do, warnings do not).</summary>
        public bool IsError => Kind.IsError();
    }

    internal static class ProblemKindExtensions
    {
        /// <summary>The one place that says which problems are errors; the descriptors are tested against it.</summary>
        public static bool IsError(this ProblemKind kind) =>
            kind is not (ProblemKind.StrideRemainder or ProblemKind.IncompleteTraining or ProblemKind.NothingToTrain or ProblemKind.AutogradBackward or ProblemKind.OnnxUnmapped or ProblemKind.UnusedBlockParameter);
    }
}

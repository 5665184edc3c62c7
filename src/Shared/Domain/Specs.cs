namespace ModelGen.Domain
{
    /// <summary>A height/width pair, for rectangular kernels, strides, paddings and dilations.</summary>
    internal readonly record struct Pair(int Height, int Width)
    {
        public static Pair Square(int size) => new(size, size);

        public bool IsSquare => Height == Width;

        public override string ToString() => IsSquare ? Height.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Height}×{Width}";
    }

    /// <summary>
    /// A whole model as declared: what shape inference and emission need, nothing from Roslyn.
    /// </summary>
    /// <param name="Name">The class name.</param>
    /// <param name="InputShape">The per-sample input shape (no batch dimension).</param>
    /// <param name="Layers">The layers in source order.</param>
    /// <param name="Loss">The loss, if declared.</param>
    /// <param name="Optimizer">The optimizer, if declared.</param>
    internal sealed record ModelSpec(
        string Name,
        EquatableArray<int> InputShape,
        EquatableArray<LayerSpec> Layers,
        LossSpec? Loss,
        OptimizerSpec? Optimizer)
    {
        /// <summary>What one input position holds: floats (the default) or token ids (int64), which only <c>Embedding</c> takes.</summary>
        public InputKindSpec Input { get; init; }

        /// <summary>
        /// The name of the symbolic sequence length (<c>[Model(300, SequenceLength = "L")]</c>: <c>L</c>), or null for
        /// a fixed-size input. When set, the first dimension of <see cref="InputShape"/> is
        /// <see cref="Shape.Symbolic"/>.
        /// </summary>
        public string? SequenceLength { get; init; }

        /// <summary>The declared <c>[Initialize]</c> attributes, in source order (empty: TorchSharp's default initialization).</summary>
        public EquatableArray<InitializerSpec> Initializers { get; init; } = EquatableArray<InitializerSpec>.Empty;

        /// <summary>Whether <c>[Model(Autograd = true)]</c> asks for libtorch's autograd instead of the generated backward.</summary>
        public bool Autograd { get; init; }

        /// <summary>
        /// Whether the class writes its own <c>forward</c>: the generator declares, sizes, registers
        /// and counts the layers but leaves the forward pass to the user, and layers are inferred
        /// in order from the input, a <c>[Segment(…)]</c> restarting the shapes.
        /// </summary>
        public bool HandWrittenForward { get; init; }
    }

    /// <summary>The domain's copy of the runtime's <c>ModelGen.InputKind</c> (same values).</summary>
    internal enum InputKindSpec
    {
        /// <summary>float32 values.</summary>
        Float = 0,

        /// <summary>Token ids (int64 indices into a vocabulary).</summary>
        TokenIds = 1,
    }
}

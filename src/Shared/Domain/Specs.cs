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
        OptimizerSpec? Optimizer);
}

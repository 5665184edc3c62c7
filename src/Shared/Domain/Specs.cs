using System;

namespace ModelGen.Domain
{
    /// <summary>A height/width pair, for rectangular kernels, strides, paddings and dilations.</summary>
    internal readonly record struct Pair(int Height, int Width)
    {
        public static Pair Square(int size) => new(size, size);

        public bool IsSquare => Height == Width;

        public override string ToString() => IsSquare ? Height.ToString() : $"{Height}×{Width}";
    }

    /// <summary>
    /// One layer as declared. Every field is a value, so equal declarations give equal specs and
    /// the generator's cache holds.
    /// </summary>
    /// <param name="Kind">The layer kind.</param>
    /// <param name="Display">The attribute as written, whitespace collapsed: <c>Conv2d(16, Kernel = 3)</c>.</param>
    /// <param name="Size">Linear: output features. Conv2d: output channels. Otherwise 0.</param>
    /// <param name="Kernel">Conv2d and pools: window size.</param>
    /// <param name="Stride">Conv2d and pools: stride (pools default to the window size).</param>
    /// <param name="Padding">Conv2d and pools: zero padding on each side.</param>
    /// <param name="Dilation">Conv2d: dilation (1 elsewhere).</param>
    /// <param name="Bias">Linear and Conv2d: whether a bias is learned.</param>
    /// <param name="Rate">Dropout: p. LeakyReLU: negative slope. BatchNorm: eps.</param>
    /// <param name="Momentum">BatchNorm: running-statistics momentum.</param>
    /// <param name="Dim">Softmax and LogSoftmax: the dimension, batch counted as 0.</param>
    internal sealed record LayerSpec(
        LayerKind Kind,
        string Display,
        int Size = 0,
        Pair Kernel = default,
        Pair Stride = default,
        Pair Padding = default,
        Pair Dilation = default,
        bool Bias = true,
        double Rate = 0,
        double Momentum = 0,
        int Dim = 1);

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

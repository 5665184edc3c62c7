using System;

namespace ModelGen
{
    /// <summary>
    /// Declares a partial class as a reusable block: the layer attributes that follow, in source
    /// order, form its body, like a model's, but its input shape comes from where it is used
    /// (<see cref="BlockAttribute{TBlock}"/>, <see cref="RepeatAttribute{TBlock}"/>, the branches of
    /// <see cref="ConcatAttribute{T1, T2}"/> and <see cref="SumAttribute{T1, T2}"/>). Sizes that
    /// change from use to use are written as the <see cref="Block"/> constants
    /// (<c>[Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]</c>)
    /// and given by each use (<c>[Block&lt;BasicBlock&gt;(Width = 128, Stride = 2)]</c>). A
    /// <see cref="ShortcutAttribute"/> among the layers makes the block residual. The block
    /// compiles to its own TorchSharp module class, whose constructor takes the layers a model
    /// builds for it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class BlockAttribute : Attribute
    {
    }

    /// <summary>
    /// The parameters of a block: write them where a block's layer takes a number
    /// (<c>[Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride)]</c>); each use gives their
    /// values (<c>Width = 128, Stride = 2</c>). The values are sentinels (large negative numbers)
    /// that the generator replaces; a use that leaves out a parameter the block uses is MG0030,
    /// a parameter the block never uses is MG0031.
    /// </summary>
    public static class Block
    {
        /// <summary>The width (output channels or features) given by the use's <c>Width</c>.</summary>
        public const int Width = -1_000_001;

        /// <summary>The stride given by the use's <c>Stride</c> (for <see cref="RepeatAttribute{TBlock}"/>, the first repetition's; the others take 1).</summary>
        public const int Stride = -1_000_002;

        /// <summary>The kernel size given by the use's <c>Kernel</c>.</summary>
        public const int Kernel = -1_000_003;

        /// <summary>The padding given by the use's <c>Padding</c>.</summary>
        public const int Padding = -1_000_004;

        /// <summary>The number of groups given by the use's <c>Groups</c>.</summary>
        public const int Groups = -1_000_005;

        /// <summary>The dilation given by the use's <c>Dilation</c>.</summary>
        public const int Dilation = -1_000_006;

        /// <summary>A second width (an expanded or bottleneck width) given by the use's <c>Width2</c>.</summary>
        public const int Width2 = -1_000_007;
    }

    /// <summary>
    /// The base of the attributes that join layers into a graph rather than add one layer: block
    /// uses, repeats, branches, shortcuts, reuses. Like a layer, each may carry a name.
    /// </summary>
    public abstract class GraphAttribute : Attribute
    {
        /// <summary>The field (and state_dict prefix) of what the attribute adds: <c>Name = "layer1"</c>. A C# identifier, unique in its model or block.</summary>
        public string? Name { get; set; }
    }

    /// <summary>The values a use gives to a block's parameters (<see cref="Block"/>).</summary>
    public abstract class BlockUseAttribute : GraphAttribute
    {
        /// <summary>The value of <see cref="Block.Width"/> in the block.</summary>
        public int Width { get; set; }

        /// <summary>The value of <see cref="Block.Width2"/> in the block.</summary>
        public int Width2 { get; set; }

        /// <summary>The value of <see cref="Block.Stride"/> in the block.</summary>
        public int Stride { get; set; }

        /// <summary>The value of <see cref="Block.Kernel"/> in the block.</summary>
        public int Kernel { get; set; }

        /// <summary>The value of <see cref="Block.Padding"/> in the block.</summary>
        public int Padding { get; set; }

        /// <summary>The value of <see cref="Block.Groups"/> in the block.</summary>
        public int Groups { get; set; }

        /// <summary>The value of <see cref="Block.Dilation"/> in the block.</summary>
        public int Dilation { get; set; }
    }

    /// <summary>
    /// Uses a block once, as one layer of a model or of another block: <c>[Block&lt;BasicBlock&gt;(Width = 64, Name = "block1")]</c>.
    /// Its field is an instance of the block's generated module class.
    /// </summary>
    /// <typeparam name="TBlock">A partial class marked <see cref="BlockAttribute"/>.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BlockAttribute<TBlock> : BlockUseAttribute
        where TBlock : class
    {
    }

    /// <summary>
    /// Uses a block a number of times in a row, as torchvision's <c>_make_layer</c>
    /// builds a ResNet stage: <c>[Repeat&lt;BasicBlock&gt;(2, Width = 128, Stride = 2, Name = "layer2")]</c>.
    /// <c>Stride</c> applies to the first repetition only (the others take 1); every other
    /// parameter applies to all. The field is a <c>Sequential</c> of the block's modules, so the
    /// state_dict keys read <c>layer2.0.conv1.weight</c>, <c>layer2.1.bn2.bias</c>.
    /// </summary>
    /// <typeparam name="TBlock">A partial class marked <see cref="BlockAttribute"/>.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RepeatAttribute<TBlock> : BlockUseAttribute
        where TBlock : class
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="count">How many times the block is applied, at least 1.</param>
        public RepeatAttribute(int count) => Count = count;

        /// <summary>How many times the block is applied.</summary>
        public int Count { get; }
    }

    /// <summary>What a residual block adds to its body's output.</summary>
    public enum ShortcutProjection
    {
        /// <summary>The block's input where the shapes agree, a projection where they do not (torchvision's rule).</summary>
        Auto = 0,

        /// <summary>Always the block's input itself; shapes that differ are MG0032.</summary>
        Identity = 1,

        /// <summary>Always a projection: a 1×1 convolution with the stride that matches the sizes, no bias, then batch norm.</summary>
        Projection = 2,
    }

    /// <summary>
    /// Makes a block residual: the layers above this attribute are the body f, and the output
    /// becomes f(x) + shortcut(x), where the shortcut is x itself when the shapes agree, or (as
    /// torchvision's <c>downsample</c>) a 1×1 convolution with stride and no bias followed by batch
    /// norm when they do not. Layers below it apply to the sum: <c>[ReLU]</c> after it is
    /// ResNet's activation after the addition. <see cref="GraphAttribute.Name"/> names the
    /// projection (default <c>downsample</c>, so the keys read <c>downsample.0.weight</c>,
    /// <c>downsample.1.running_mean</c>). Only in a <see cref="BlockAttribute"/> class, once.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ShortcutAttribute : GraphAttribute
    {
        /// <summary>Identity, projection, or whichever the shapes need (default).</summary>
        public ShortcutProjection Projection { get; set; } = ShortcutProjection.Auto;
    }

    /// <summary>The base of the branch attributes: several blocks applied to the same input.</summary>
    public abstract class BranchesAttribute : GraphAttribute
    {
        /// <summary>Whether the input itself joins the branches' outputs (DenseNet's concatenation, a U-Net skip): first in the concatenation, or one more term of the sum.</summary>
        public bool IncludeInput { get; set; }
    }

    /// <summary>
    /// Applies blocks to the same input and concatenates their outputs along the channels (the
    /// first dimension of a C×H×W or C×L map or of a vector, the features of an L×F sequence), as an
    /// Inception module does: every other dimension must agree (MG0033). Each block is a
    /// partial class marked <see cref="BlockAttribute"/> without parameters.
    /// </summary>
    /// <typeparam name="T1">The first branch.</typeparam>
    /// <typeparam name="T2">The second branch.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConcatAttribute<T1, T2> : BranchesAttribute
        where T1 : class
        where T2 : class
    {
    }

    /// <inheritdoc cref="ConcatAttribute{T1, T2}"/>
    /// <typeparam name="T1">The first branch.</typeparam>
    /// <typeparam name="T2">The second branch.</typeparam>
    /// <typeparam name="T3">The third branch.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConcatAttribute<T1, T2, T3> : BranchesAttribute
        where T1 : class
        where T2 : class
        where T3 : class
    {
    }

    /// <inheritdoc cref="ConcatAttribute{T1, T2}"/>
    /// <typeparam name="T1">The first branch.</typeparam>
    /// <typeparam name="T2">The second branch.</typeparam>
    /// <typeparam name="T3">The third branch.</typeparam>
    /// <typeparam name="T4">The fourth branch.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConcatAttribute<T1, T2, T3, T4> : BranchesAttribute
        where T1 : class
        where T2 : class
        where T3 : class
        where T4 : class
    {
    }

    /// <summary>
    /// Concatenates the input with one block's output along the channels: DenseNet's layer, a
    /// U-Net skip around its inner part. The same as <see cref="ConcatAttribute{T1, T2}"/> with
    /// <see cref="BranchesAttribute.IncludeInput"/>.
    /// </summary>
    /// <typeparam name="T1">The block.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConcatAttribute<T1> : BranchesAttribute
        where T1 : class
    {
    }

    /// <summary>
    /// Applies blocks to the same input and adds their outputs, whose shapes must all be equal (MG0033).
    /// </summary>
    /// <typeparam name="T1">The first branch.</typeparam>
    /// <typeparam name="T2">The second branch.</typeparam>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SumAttribute<T1, T2> : BranchesAttribute
        where T1 : class
        where T2 : class
    {
    }

    /// <summary>
    /// Applies a layer declared above once more, with the same weights: <c>[Reuse("fc1")]</c>. Its
    /// parameters count once, as PyTorch counts a module applied twice; its input must have the
    /// size the layer was built for (MG0034).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ReuseAttribute : GraphAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="layer">The name of the layer to apply again.</param>
        public ReuseAttribute(string layer) => Layer = layer;

        /// <summary>The name of the layer applied again.</summary>
        public string Layer { get; }
    }
}

namespace ModelGen
{
    /// <summary>
    /// In a model that writes its own <c>forward(Tensor)</c>, gives the per-sample input shape of the
    /// layers below it: the generator still declares, sizes, registers and counts every layer, and
    /// infers their shapes in order from the model's input, restarting at each segment (a decoder's
    /// input, a concatenation the forward builds): <c>[Segment(8, Input = InputKind.TokenIds)]</c>,
    /// <c>[Segment(8, 128)]</c>. Only where the forward is hand-written.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SegmentAttribute : GraphAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="shape">The per-sample shape the layers below receive.</param>
        public SegmentAttribute(params int[] shape) => Shape = shape;

        /// <summary>The per-sample shape the layers below receive.</summary>
        public int[] Shape { get; }

        /// <summary>What that input holds: floats (default) or token ids, for an <c>Embedding</c> below.</summary>
        public InputKind Input { get; set; } = InputKind.Float;
    }
}

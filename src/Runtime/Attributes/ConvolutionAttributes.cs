using System;

namespace ModelGen
{
    /// <summary>How a convolution pads its input: PyTorch's <c>padding='valid'</c> / <c>'same'</c> (ONNX's <c>auto_pad</c>).</summary>
    public enum AutoPad
    {
        /// <summary>The padding is the <c>Padding</c> numbers (default).</summary>
        Explicit = 0,

        /// <summary>No padding: PyTorch's <c>padding='valid'</c>.</summary>
        Valid = 1,

        /// <summary>
        /// The output keeps the input's size: PyTorch's <c>padding='same'</c>, which pads D·(F − 1) in
        /// total per axis (the odd one on the right). Stride 1 only, as in PyTorch.
        /// </summary>
        Same = 2,
    }

    /// <summary>What a convolution's padding holds: PyTorch's <c>padding_mode</c>.</summary>
    public enum PaddingMode
    {
        /// <summary>Zeros (default).</summary>
        Zeros = 0,

        /// <summary>The input mirrored at its edge (the edge not repeated); the padding must be smaller than the input.</summary>
        Reflect = 1,

        /// <summary>The edge value repeated.</summary>
        Replicate = 2,

        /// <summary>The other side of the input (wrap-around); the padding must be at most the input.</summary>
        Circular = 3,
    }

    /// <summary>
    /// What the convolutions of every rank share: filters, a window that slides with a stride over
    /// the padded input, dilation, channel groups and a bias. Each spatial size follows
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1. Square settings (<see cref="Kernel"/>,
    /// <see cref="Stride"/>, <see cref="Padding"/>, <see cref="Dilation"/>) apply to every axis.
    /// </summary>
    public abstract class ConvolutionAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of filters (output channels).</param>
        protected ConvolutionAttribute(int outChannels) => OutChannels = outChannels;

        /// <summary>The number of filters (output channels).</summary>
        public int OutChannels { get; }

        /// <summary>Kernel size F on every axis; required (PyTorch has no default) unless every per-axis size is set.</summary>
        public int Kernel { get; set; }

        /// <summary>Stride S on every axis (default 1).</summary>
        public int Stride { get; set; } = 1;

        /// <summary>Padding P on each side of every axis (default 0).</summary>
        public int Padding { get; set; }

        /// <summary>Dilation D on every axis (default 1).</summary>
        public int Dilation { get; set; } = 1;

        /// <summary>
        /// Channel groups (default 1): the input and output channels split into this many
        /// independent convolutions, so both must be divisible by it. Groups equal to the input
        /// channels is a depthwise convolution.
        /// </summary>
        public int Groups { get; set; } = 1;

        /// <summary>Whether each filter learns a bias (default true).</summary>
        public bool Bias { get; set; } = true;

        /// <summary><see cref="ModelGen.AutoPad.Valid"/> or <see cref="ModelGen.AutoPad.Same"/> instead of the <see cref="Padding"/> numbers.</summary>
        public AutoPad AutoPad { get; set; }

        /// <summary>What the padding holds (default zeros).</summary>
        public PaddingMode PaddingMode { get; set; }
    }

    /// <summary>A 1-D convolution over a C×L sequence of channels (audio, text embeddings read channels first).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Conv1dAttribute : ConvolutionAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of filters (output channels).</param>
        public Conv1dAttribute(int outChannels)
            : base(outChannels)
        {
        }
    }

    /// <summary>
    /// A 2-D convolution over a C×H×W feature map. Each spatial size follows
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1. Square settings (<see cref="ConvolutionAttribute.Kernel"/>,
    /// <see cref="ConvolutionAttribute.Stride"/>, <see cref="ConvolutionAttribute.Padding"/>, <see cref="ConvolutionAttribute.Dilation"/>) apply to both axes;
    /// the <c>…Height</c>/<c>…Width</c> properties override one axis for rectangular windows.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Conv2dAttribute : ConvolutionAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of filters (output channels).</param>
        public Conv2dAttribute(int outChannels)
            : base(outChannels)
        {
        }

        /// <summary>Kernel height; overrides <see cref="ConvolutionAttribute.Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Kernel width; overrides <see cref="ConvolutionAttribute.Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="ConvolutionAttribute.Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="ConvolutionAttribute.Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="ConvolutionAttribute.Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="ConvolutionAttribute.Padding"/>.</summary>
        public int PaddingWidth { get; set; }

        /// <summary>Dilation on the height axis; overrides <see cref="ConvolutionAttribute.Dilation"/>.</summary>
        public int DilationHeight { get; set; }

        /// <summary>Dilation on the width axis; overrides <see cref="ConvolutionAttribute.Dilation"/>.</summary>
        public int DilationWidth { get; set; }
    }

    /// <summary>
    /// A 3-D convolution over a C×D×H×W volume (video, scans); the <c>…Depth</c>/<c>…Height</c>/<c>…Width</c>
    /// properties override one axis.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Conv3dAttribute : ConvolutionAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of filters (output channels).</param>
        public Conv3dAttribute(int outChannels)
            : base(outChannels)
        {
        }

        /// <summary>Kernel depth; overrides <see cref="ConvolutionAttribute.Kernel"/> on the depth axis.</summary>
        public int KernelDepth { get; set; }

        /// <summary>Kernel height; overrides <see cref="ConvolutionAttribute.Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Kernel width; overrides <see cref="ConvolutionAttribute.Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on the depth axis; overrides <see cref="ConvolutionAttribute.Stride"/>.</summary>
        public int StrideDepth { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="ConvolutionAttribute.Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="ConvolutionAttribute.Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Padding on the depth axis; overrides <see cref="ConvolutionAttribute.Padding"/>.</summary>
        public int PaddingDepth { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="ConvolutionAttribute.Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="ConvolutionAttribute.Padding"/>.</summary>
        public int PaddingWidth { get; set; }

        /// <summary>Dilation on the depth axis; overrides <see cref="ConvolutionAttribute.Dilation"/>.</summary>
        public int DilationDepth { get; set; }

        /// <summary>Dilation on the height axis; overrides <see cref="ConvolutionAttribute.Dilation"/>.</summary>
        public int DilationHeight { get; set; }

        /// <summary>Dilation on the width axis; overrides <see cref="ConvolutionAttribute.Dilation"/>.</summary>
        public int DilationWidth { get; set; }
    }

    /// <summary>
    /// What the transposed convolutions share. Each spatial size follows
    /// out = (W − 1)·S − 2P + D·(F − 1) + OutputPadding + 1; only zero padding, as in PyTorch.
    /// </summary>
    public abstract class ConvolutionTransposeAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of output channels.</param>
        protected ConvolutionTransposeAttribute(int outChannels) => OutChannels = outChannels;

        /// <summary>The number of output channels.</summary>
        public int OutChannels { get; }

        /// <summary>Kernel size F on every axis; required.</summary>
        public int Kernel { get; set; }

        /// <summary>Stride S on every axis (default 1).</summary>
        public int Stride { get; set; } = 1;

        /// <summary>Padding P removed from each side of the output (default 0).</summary>
        public int Padding { get; set; }

        /// <summary>Extra size added to one side of the output (default 0); smaller than the stride or the dilation.</summary>
        public int OutputPadding { get; set; }

        /// <summary>Channel groups (default 1); divides both channel counts.</summary>
        public int Groups { get; set; } = 1;

        /// <summary>Whether each output channel learns a bias (default true).</summary>
        public bool Bias { get; set; } = true;

        /// <summary>Dilation D on every axis (default 1).</summary>
        public int Dilation { get; set; } = 1;
    }

    /// <summary>A 1-D transposed convolution over a C×L sequence: upsamples the length.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConvTranspose1dAttribute : ConvolutionTransposeAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of output channels.</param>
        public ConvTranspose1dAttribute(int outChannels)
            : base(outChannels)
        {
        }
    }

    /// <summary>
    /// A 2-D transposed convolution over a C×H×W feature map: upsamples height and width (decoders,
    /// GAN generators); the <c>…Height</c>/<c>…Width</c> properties override one axis.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConvTranspose2dAttribute : ConvolutionTransposeAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of output channels.</param>
        public ConvTranspose2dAttribute(int outChannels)
            : base(outChannels)
        {
        }

        /// <summary>Kernel height; overrides <see cref="ConvolutionTransposeAttribute.Kernel"/>.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Kernel width; overrides <see cref="ConvolutionTransposeAttribute.Kernel"/>.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="ConvolutionTransposeAttribute.Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="ConvolutionTransposeAttribute.Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="ConvolutionTransposeAttribute.Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="ConvolutionTransposeAttribute.Padding"/>.</summary>
        public int PaddingWidth { get; set; }

        /// <summary>Output padding on the height axis; overrides <see cref="ConvolutionTransposeAttribute.OutputPadding"/>.</summary>
        public int OutputPaddingHeight { get; set; }

        /// <summary>Output padding on the width axis; overrides <see cref="ConvolutionTransposeAttribute.OutputPadding"/>.</summary>
        public int OutputPaddingWidth { get; set; }

        /// <summary>Dilation on the height axis; overrides <see cref="ConvolutionTransposeAttribute.Dilation"/>.</summary>
        public int DilationHeight { get; set; }

        /// <summary>Dilation on the width axis; overrides <see cref="ConvolutionTransposeAttribute.Dilation"/>.</summary>
        public int DilationWidth { get; set; }
    }
}

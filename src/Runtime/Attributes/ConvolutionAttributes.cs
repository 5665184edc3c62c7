using System;

namespace ModelGen
{
    /// <summary>
    /// A 2-D convolution over a C×H×W feature map. Each spatial size follows
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1. Square settings (<see cref="Kernel"/>,
    /// <see cref="Stride"/>, <see cref="Padding"/>, <see cref="Dilation"/>) apply to both axes;
    /// the <c>…Height</c>/<c>…Width</c> properties override one axis for rectangular windows.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Conv2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outChannels">The number of filters (output channels).</param>
        public Conv2dAttribute(int outChannels) => OutChannels = outChannels;

        /// <summary>The number of filters (output channels).</summary>
        public int OutChannels { get; }

        /// <summary>Square kernel size F; required unless both <see cref="KernelHeight"/> and <see cref="KernelWidth"/> are set.</summary>
        public int Kernel { get; set; }

        /// <summary>Kernel height; overrides <see cref="Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Kernel width; overrides <see cref="Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride S on both axes (default 1).</summary>
        public int Stride { get; set; } = 1;

        /// <summary>Stride on the height axis; overrides <see cref="Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Zero padding P on both axes (default 0).</summary>
        public int Padding { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="Padding"/>.</summary>
        public int PaddingWidth { get; set; }

        /// <summary>Dilation D on both axes (default 1).</summary>
        public int Dilation { get; set; } = 1;

        /// <summary>Dilation on the height axis; overrides <see cref="Dilation"/>.</summary>
        public int DilationHeight { get; set; }

        /// <summary>Dilation on the width axis; overrides <see cref="Dilation"/>.</summary>
        public int DilationWidth { get; set; }

        /// <summary>Whether each filter learns a bias (default true).</summary>
        public bool Bias { get; set; } = true;
    }

    /// <summary>
    /// What max and average pooling share: a window, a stride that defaults to the window (as in
    /// PyTorch) and implicit padding; out = floor((W + 2P − F) / S) + 1.
    /// </summary>
    public abstract class Pool2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The square window size F.</param>
        protected Pool2dAttribute(int kernel) => Kernel = kernel;

        /// <summary>The square window size F.</summary>
        public int Kernel { get; }

        /// <summary>Window height; overrides <see cref="Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Window width; overrides <see cref="Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on both axes (default: the window size).</summary>
        public int Stride { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Implicit padding on both axes (default 0, at most half the window).</summary>
        public int Padding { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="Padding"/>.</summary>
        public int PaddingWidth { get; set; }
    }

    /// <summary>Max pooling over a C×H×W feature map: the largest value of each window.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxPool2dAttribute : Pool2dAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The square window size F.</param>
        public MaxPool2dAttribute(int kernel)
            : base(kernel)
        {
        }
    }

    /// <summary>Average pooling over a C×H×W feature map: the mean of each window (padding counts as zeros).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AvgPool2dAttribute : Pool2dAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The square window size F.</param>
        public AvgPool2dAttribute(int kernel)
            : base(kernel)
        {
        }
    }
}

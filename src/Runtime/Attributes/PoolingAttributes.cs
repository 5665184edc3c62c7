using System;

namespace ModelGen
{
    /// <summary>
    /// What max and average pooling of every rank share: a window, a stride that defaults to the
    /// window (as in PyTorch), implicit padding (at most half the window) and ceil mode;
    /// out = floor((W + 2P − F) / S) + 1, ceil instead of floor in ceil mode.
    /// </summary>
    public abstract class PoolAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The window size F on every axis.</param>
        protected PoolAttribute(int kernel) => Kernel = kernel;

        /// <summary>The window size F on every axis.</summary>
        public int Kernel { get; }

        /// <summary>Stride on every axis (default: the window size).</summary>
        public int Stride { get; set; }

        /// <summary>Implicit padding on every axis (default 0, at most half the window).</summary>
        public int Padding { get; set; }

        /// <summary>
        /// Whether the output size rounds up (default false), so the last, partial window is kept;
        /// PyTorch still drops a last window that would start in the right padding.
        /// </summary>
        public bool CeilMode { get; set; }
    }

    /// <summary>What 2-D pools add: <c>…Height</c>/<c>…Width</c> properties that override one axis.</summary>
    public abstract class Pool2dAttribute : PoolAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The square window size F.</param>
        protected Pool2dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Window height; overrides <see cref="PoolAttribute.Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Window width; overrides <see cref="PoolAttribute.Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="PoolAttribute.Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="PoolAttribute.Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="PoolAttribute.Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="PoolAttribute.Padding"/>.</summary>
        public int PaddingWidth { get; set; }
    }

    /// <summary>What 3-D pools add: <c>…Depth</c>/<c>…Height</c>/<c>…Width</c> properties that override one axis.</summary>
    public abstract class Pool3dAttribute : PoolAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The cubic window size F.</param>
        protected Pool3dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Window depth; overrides <see cref="PoolAttribute.Kernel"/> on the depth axis.</summary>
        public int KernelDepth { get; set; }

        /// <summary>Window height; overrides <see cref="PoolAttribute.Kernel"/> on the height axis.</summary>
        public int KernelHeight { get; set; }

        /// <summary>Window width; overrides <see cref="PoolAttribute.Kernel"/> on the width axis.</summary>
        public int KernelWidth { get; set; }

        /// <summary>Stride on the depth axis; overrides <see cref="PoolAttribute.Stride"/>.</summary>
        public int StrideDepth { get; set; }

        /// <summary>Stride on the height axis; overrides <see cref="PoolAttribute.Stride"/>.</summary>
        public int StrideHeight { get; set; }

        /// <summary>Stride on the width axis; overrides <see cref="PoolAttribute.Stride"/>.</summary>
        public int StrideWidth { get; set; }

        /// <summary>Padding on the depth axis; overrides <see cref="PoolAttribute.Padding"/>.</summary>
        public int PaddingDepth { get; set; }

        /// <summary>Padding on the height axis; overrides <see cref="PoolAttribute.Padding"/>.</summary>
        public int PaddingHeight { get; set; }

        /// <summary>Padding on the width axis; overrides <see cref="PoolAttribute.Padding"/>.</summary>
        public int PaddingWidth { get; set; }
    }

    /// <summary>Max pooling over a C×L sequence: the largest value of each window.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxPool1dAttribute : PoolAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The window size F.</param>
        public MaxPool1dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Dilation D of the window (default 1).</summary>
        public int Dilation { get; set; } = 1;
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

        /// <summary>Dilation D of the window on both axes (default 1).</summary>
        public int Dilation { get; set; } = 1;

        /// <summary>Dilation on the height axis; overrides <see cref="Dilation"/>.</summary>
        public int DilationHeight { get; set; }

        /// <summary>Dilation on the width axis; overrides <see cref="Dilation"/>.</summary>
        public int DilationWidth { get; set; }
    }

    /// <summary>Max pooling over a C×D×H×W volume: the largest value of each window.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxPool3dAttribute : Pool3dAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The cubic window size F.</param>
        public MaxPool3dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Dilation D of the window on every axis (default 1).</summary>
        public int Dilation { get; set; } = 1;
    }

    /// <summary>Average pooling over a C×L sequence: the mean of each window.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AvgPool1dAttribute : PoolAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The window size F.</param>
        public AvgPool1dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Whether padded zeros count in the mean's divisor (default true).</summary>
        public bool CountIncludePad { get; set; } = true;
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

        /// <summary>Whether padded zeros count in the mean's divisor (default true).</summary>
        public bool CountIncludePad { get; set; } = true;
    }

    /// <summary>Average pooling over a C×D×H×W volume: the mean of each window.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AvgPool3dAttribute : Pool3dAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kernel">The cubic window size F.</param>
        public AvgPool3dAttribute(int kernel)
            : base(kernel)
        {
        }

        /// <summary>Whether padded zeros count in the mean's divisor (default true).</summary>
        public bool CountIncludePad { get; set; } = true;
    }

    /// <summary>
    /// Power-average pooling over a C×L sequence: (Σ xᵖ)^(1/p) per window; p = 2 is L2 pooling.
    /// No padding; the stride defaults to the window.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LPPool1dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="normType">The power p (2: L2 pooling).</param>
        /// <param name="kernel">The window size F.</param>
        public LPPool1dAttribute(double normType, int kernel)
        {
            NormType = normType;
            Kernel = kernel;
        }

        /// <summary>The power p.</summary>
        public double NormType { get; }

        /// <summary>The window size F.</summary>
        public int Kernel { get; }

        /// <summary>Stride (default: the window size).</summary>
        public int Stride { get; set; }

        /// <summary>Whether the output size rounds up (default false).</summary>
        public bool CeilMode { get; set; }
    }

    /// <summary>
    /// Power-average pooling over a C×H×W feature map: (Σ xᵖ)^(1/p) per window; p = 2 is the
    /// course notes' L2 pooling. No padding; the stride defaults to the window.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LPPool2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="normType">The power p (2: L2 pooling).</param>
        /// <param name="kernel">The square window size F.</param>
        public LPPool2dAttribute(double normType, int kernel)
        {
            NormType = normType;
            Kernel = kernel;
        }

        /// <summary>The power p.</summary>
        public double NormType { get; }

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

        /// <summary>Whether the output size rounds up (default false).</summary>
        public bool CeilMode { get; set; }
    }

    /// <summary>Average pooling of a C×L sequence to a fixed length; 1 is global average pooling.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AdaptiveAvgPool1dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outputSize">The output length.</param>
        public AdaptiveAvgPool1dAttribute(int outputSize) => OutputSize = outputSize;

        /// <summary>The output length.</summary>
        public int OutputSize { get; }
    }

    /// <summary>
    /// Average pooling of a C×H×W feature map to a fixed size: one number for both axes or height
    /// and width; 1 is global average pooling. The size may exceed the input's, as in PyTorch.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AdaptiveAvgPool2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outputSize">One size for both axes, or height and width.</param>
        public AdaptiveAvgPool2dAttribute(params int[] outputSize) => OutputSize = outputSize;

        /// <summary>One size for both axes, or height and width.</summary>
        public int[] OutputSize { get; }
    }

    /// <summary>
    /// Max pooling of a C×H×W feature map to a fixed size: one number for both axes or height and
    /// width; 1 is global max pooling.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AdaptiveMaxPool2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outputSize">One size for both axes, or height and width.</param>
        public AdaptiveMaxPool2dAttribute(params int[] outputSize) => OutputSize = outputSize;

        /// <summary>One size for both axes, or height and width.</summary>
        public int[] OutputSize { get; }
    }
}

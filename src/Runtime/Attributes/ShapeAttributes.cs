using System;

namespace ModelGen
{
    /// <summary>The interpolation of <see cref="UpsampleAttribute"/>: PyTorch's <c>mode</c>.</summary>
    public enum UpsampleMode
    {
        /// <summary>The nearest input value (default); any of C×L, C×H×W, C×D×H×W.</summary>
        Nearest = 0,

        /// <summary>Linear interpolation along L of a C×L input.</summary>
        Linear = 1,

        /// <summary>Bilinear interpolation over H×W of a C×H×W input.</summary>
        Bilinear = 2,

        /// <summary>Bicubic interpolation over H×W of a C×H×W input.</summary>
        Bicubic = 3,

        /// <summary>Trilinear interpolation over D×H×W of a C×D×H×W input.</summary>
        Trilinear = 4,
    }

    /// <summary>
    /// Flattens dimensions <see cref="StartDim"/> to <see cref="EndDim"/> into one, numbered as in
    /// PyTorch (the batch is 0, negative counts from the end). The default flattens every
    /// dimension but the batch: C×H×W → C·H·W.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class FlattenAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="startDim">The first dimension flattened (default 1, the first after the batch).</param>
        /// <param name="endDim">The last dimension flattened (default −1, the last).</param>
        public FlattenAttribute(int startDim = 1, int endDim = -1)
        {
            StartDim = startDim;
            EndDim = endDim;
        }

        /// <summary>The first dimension flattened (default 1, the first after the batch).</summary>
        public int StartDim { get; }

        /// <summary>The last dimension flattened (default −1, the last).</summary>
        public int EndDim { get; }
    }

    /// <summary>
    /// Splits dimension <see cref="Dim"/> (the batch is 0) into <see cref="UnflattenedSize"/>, whose
    /// product must be its size; one size may be −1 and is then inferred: <c>[Unflatten(1, 16, 4, 4)]</c>
    /// turns 256 features into a 16×4×4 feature map.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class UnflattenAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="dim">The dimension split (the batch is 0).</param>
        /// <param name="unflattenedSize">The sizes it is split into.</param>
        public UnflattenAttribute(int dim, params int[] unflattenedSize)
        {
            Dim = dim;
            UnflattenedSize = unflattenedSize;
        }

        /// <summary>The dimension split (the batch is 0).</summary>
        public int Dim { get; }

        /// <summary>The sizes it is split into.</summary>
        public int[] UnflattenedSize { get; }
    }

    /// <summary>
    /// Resizes every spatial axis of a C×… map: to <see cref="Size"/>, or by <see cref="ScaleFactor"/>
    /// (out = floor(W · scale)); give exactly one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class UpsampleAttribute : LayerAttribute
    {
        /// <summary>The output size of every spatial axis.</summary>
        public int Size { get; set; }

        /// <summary>The factor applied to every spatial axis.</summary>
        public double ScaleFactor { get; set; }

        /// <summary>The interpolation (default nearest).</summary>
        public UpsampleMode Mode { get; set; }

        /// <summary>Whether the corner pixels of input and output align (linear modes only; default false).</summary>
        public bool AlignCorners { get; set; }
    }

    /// <summary>
    /// Pads the last two dimensions (H×W) with zeros: one number for every side, or left, right,
    /// top and bottom as in PyTorch. Negative numbers crop.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ZeroPad2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="padding">One number for every side, or left, right, top, bottom.</param>
        public ZeroPad2dAttribute(params int[] padding) => Padding = padding;

        /// <summary>One number for every side, or left, right, top, bottom.</summary>
        public int[] Padding { get; }
    }

    /// <summary>Passes its input through unchanged (a placeholder with no parameters).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class IdentityAttribute : LayerAttribute
    {
    }
}

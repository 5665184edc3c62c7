namespace ModelGen.Domain
{
    /// <summary>Mirrors <c>ModelGen.AutoPad</c> (a test checks names and values agree).</summary>
    internal enum AutoPadSpec
    {
        /// <summary>The padding is the <c>Padding</c> numbers.</summary>
        Explicit = 0,

        /// <summary>PyTorch's <c>padding='valid'</c>: no padding.</summary>
        Valid = 1,

        /// <summary>PyTorch's <c>padding='same'</c>: the output keeps the input's size (stride 1 only).</summary>
        Same = 2,
    }

    /// <summary>Mirrors <c>ModelGen.PaddingMode</c>, PyTorch's <c>padding_mode</c> (a test checks names and values agree).</summary>
    internal enum PaddingModeSpec
    {
        Zeros = 0,
        Reflect = 1,
        Replicate = 2,
        Circular = 3,
    }

    /// <summary>Mirrors <c>ModelGen.UpsampleMode</c> (a test checks names and values agree).</summary>
    internal enum UpsampleModeSpec
    {
        Nearest = 0,
        Linear = 1,
        Bilinear = 2,
        Bicubic = 3,
        Trilinear = 4,
    }
}

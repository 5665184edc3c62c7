namespace ModelGen.Domain
{
    /// <summary>A layer's window as declared, per spatial axis, for rules that reason about padding.</summary>
    /// <param name="Kernel">The window size F.</param>
    /// <param name="Stride">The stride S.</param>
    /// <param name="Padding">The padding P on each side.</param>
    /// <param name="Dilation">The dilation D.</param>
    /// <param name="SupportsAutoPadSame">Whether the attribute takes <c>AutoPad = AutoPad.Same</c> (PyTorch's <c>padding='same'</c>, which pads asymmetrically).</param>
    internal sealed record SlidingWindow(Axes Kernel, Axes Stride, Axes Padding, Axes Dilation, bool SupportsAutoPadSame);
}

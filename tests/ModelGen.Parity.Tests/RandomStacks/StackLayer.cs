using System.Globalization;
using System.Text;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>The layer kinds a random stack draws from (the test's own copy of the catalog).</summary>
    internal enum StackOp
    {
        Linear,
        Conv2d,
        MaxPool2d,
        AvgPool2d,
        Flatten,
        Dropout,
        BatchNorm1d,
        BatchNorm2d,
        ReLU,
        LeakyReLU,
        Sigmoid,
        Tanh,
        Softmax,
        LogSoftmax,

        // Kinds added with the catalog: element-wise activations (shape kept)…
        ELU,
        SELU,
        GELU,
        SiLU,
        Mish,
        Softplus,
        Hardtanh,
        PReLU,

        // …feature-map layers…
        Dropout2d,
        InstanceNorm2d,
        GroupNorm,
        ZeroPad2d,
        AdaptiveAvgPool2d,
        Identity,

        // …and flat layers.
        LayerNorm,
        AlphaDropout,
    }

    /// <summary>A height/width pair of a window setting.</summary>
    internal readonly record struct Axes(int Height, int Width)
    {
        public static Axes Square(int value) => new(value, value);

        public bool IsSquare => Height == Width;

        public override string ToString() => IsSquare ? $"{Height}" : $"{Height}×{Width}";
    }

    /// <summary>
    /// One randomly drawn layer, with everything needed to write its attribute and to work out
    /// its shapes and parameters by the textbook formulas (<see cref="StackFormula"/>).
    /// </summary>
    /// <param name="Op">The layer kind.</param>
    /// <param name="Size">Output features (Linear), channels (Conv2d), groups (GroupNorm), padding (ZeroPad2d) or output size (AdaptiveAvgPool2d).</param>
    /// <param name="Kernel">The window (Conv2d, pools).</param>
    /// <param name="Stride">The stride; null for a pool means "the window", as the attribute's default.</param>
    /// <param name="Padding">Zero padding per axis.</param>
    /// <param name="Dilation">Dilation per axis (Conv2d).</param>
    /// <param name="Bias">Whether Linear/Conv2d learn a bias.</param>
    /// <param name="Rate">Dropout probability or LeakyReLU slope, in tenths/hundredths so it prints exactly.</param>
    /// <param name="Style">Which of the equivalent attribute spellings to write (square property, per-axis overrides, mixed).</param>
    internal sealed record StackLayer(
        StackOp Op,
        int Size = 0,
        Axes Kernel = default,
        Axes? Stride = null,
        Axes Padding = default,
        Axes? Dilation = null,
        bool Bias = true,
        double Rate = 0,
        int Style = 0)
    {
        /// <summary>The attribute as it is written in the generated source, without brackets.</summary>
        public string Attribute()
        {
            switch (Op)
            {
                case StackOp.Linear:
                    return Bias ? $"Linear({Size})" : $"Linear({Size}, Bias = false)";

                case StackOp.Conv2d:
                {
                    var text = new StringBuilder($"Conv2d({Size}");
                    AppendAxes(text, "Kernel", Kernel, fallback: null);
                    AppendAxes(text, "Stride", Stride ?? Axes.Square(1), fallback: 1);
                    AppendAxes(text, "Padding", Padding, fallback: 0);
                    AppendAxes(text, "Dilation", Dilation ?? Axes.Square(1), fallback: 1);
                    if (!Bias)
                    {
                        text.Append(", Bias = false");
                    }

                    return text.Append(')').ToString();
                }

                case StackOp.MaxPool2d:
                case StackOp.AvgPool2d:
                {
                    // The constructor's window is square; a different width is an override.
                    var text = new StringBuilder($"{Op}({Kernel.Height}");
                    if (!Kernel.IsSquare)
                    {
                        text.Append($", KernelWidth = {Kernel.Width}");
                    }

                    if (Stride is Axes stride)
                    {
                        AppendAxes(text, "Stride", stride, fallback: null);
                    }

                    AppendAxes(text, "Padding", Padding, fallback: 0);
                    return text.Append(')').ToString();
                }

                case StackOp.Dropout:
                case StackOp.Dropout2d:
                case StackOp.AlphaDropout:
                    return $"{Op}({Format(Rate)})";

                case StackOp.GroupNorm:
                case StackOp.ZeroPad2d:
                case StackOp.AdaptiveAvgPool2d:
                    return $"{Op}({Size})";

                case StackOp.LeakyReLU:
                    return $"LeakyReLU(NegativeSlope = {Format(Rate)})";

                default:
                    return Op.ToString();
            }
        }

        private void AppendAxes(StringBuilder text, string name, Axes value, int? fallback)
        {
            if (value.IsSquare && Style != 1)
            {
                if (value.Height != fallback)
                {
                    text.Append($", {name} = {value.Height}");
                }
            }
            else if (!value.IsSquare && Style == 2)
            {
                // The square property, overridden on the width axis.
                text.Append($", {name} = {value.Height}, {name}Width = {value.Width}");
            }
            else
            {
                text.Append($", {name}Height = {value.Height}, {name}Width = {value.Width}");
            }
        }

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}

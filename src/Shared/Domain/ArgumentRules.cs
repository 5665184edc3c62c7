using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Range checks on declared arguments, independent of shapes. One message per broken rule,
    /// each naming the layer as written and the offending value.
    /// </summary>
    internal static class ArgumentRules
    {
        public static IEnumerable<string> Check(LayerSpec layer)
        {
            switch (layer.Kind)
            {
                case LayerKind.Linear:
                    if (layer.Size <= 0)
                    {
                        yield return $"{layer.Display}: the number of output features must be positive, got {layer.Size}";
                    }

                    break;

                case LayerKind.Conv2d:
                    if (layer.Size <= 0)
                    {
                        yield return $"{layer.Display}: the number of output channels must be positive, got {layer.Size}";
                    }

                    foreach (string message in CheckWindow(layer, dilated: true))
                    {
                        yield return message;
                    }

                    break;

                case LayerKind.MaxPool2d:
                case LayerKind.AvgPool2d:
                    foreach (string message in CheckWindow(layer, dilated: false))
                    {
                        yield return message;
                    }

                    if (layer.Kernel.Height > 0 && layer.Kernel.Width > 0
                        && (layer.Padding.Height * 2 > layer.Kernel.Height || layer.Padding.Width * 2 > layer.Kernel.Width))
                    {
                        yield return $"{layer.Display}: padding must be at most half the window ({layer.Kernel}), got {layer.Padding}";
                    }

                    break;

                case LayerKind.Dropout:
                    if (!(layer.Rate >= 0 && layer.Rate < 1))
                    {
                        yield return $"{layer.Display}: the drop probability must be in [0, 1), got {Numbers.Format(layer.Rate)}";
                    }

                    break;

                case LayerKind.BatchNorm1d:
                case LayerKind.BatchNorm2d:
                    if (!(layer.Rate > 0) || double.IsInfinity(layer.Rate))
                    {
                        yield return $"{layer.Display}: Eps must be positive and finite, got {Numbers.Format(layer.Rate)}";
                    }

                    if (!(layer.Momentum >= 0 && layer.Momentum <= 1))
                    {
                        yield return $"{layer.Display}: Momentum must be in [0, 1], got {Numbers.Format(layer.Momentum)}";
                    }

                    break;

                case LayerKind.LeakyReLU:
                    if (double.IsNaN(layer.Rate) || double.IsInfinity(layer.Rate))
                    {
                        yield return $"{layer.Display}: NegativeSlope must be finite, got {Numbers.Format(layer.Rate)}";
                    }

                    break;
            }
        }

        private static IEnumerable<string> CheckWindow(LayerSpec layer, bool dilated)
        {
            if (layer.Kernel.Height <= 0 || layer.Kernel.Width <= 0)
            {
                yield return $"{layer.Display}: the kernel size must be positive, got {layer.Kernel}";
            }

            if (layer.Stride.Height <= 0 || layer.Stride.Width <= 0)
            {
                yield return $"{layer.Display}: the stride must be positive, got {layer.Stride}";
            }

            if (layer.Padding.Height < 0 || layer.Padding.Width < 0)
            {
                yield return $"{layer.Display}: the padding must be zero or positive, got {layer.Padding}";
            }

            if (dilated && (layer.Dilation.Height <= 0 || layer.Dilation.Width <= 0))
            {
                yield return $"{layer.Display}: the dilation must be positive, got {layer.Dilation}";
            }
        }
    }

    /// <summary>Culture-invariant number formatting for messages and generated code.</summary>
    internal static class Numbers
    {
        public static string Format(double value) =>
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(long value) =>
            value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// The product of non-negative factors, or <see cref="long.MaxValue"/> when it overflows:
        /// counts built from hostile attribute arguments must neither wrap nor throw.
        /// </summary>
        public static long SaturatingProduct(params long[] factors)
        {
            long product = 1;
            foreach (long factor in factors)
            {
                if (factor <= 0)
                {
                    return 0;
                }

                if (product > long.MaxValue / factor)
                {
                    return long.MaxValue;
                }

                product *= factor;
            }

            return product;
        }

        /// <summary>Thousands separated with commas, as torchinfo and Keras print counts: 61,706.</summary>
        public static string Grouped(long value) =>
            value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>Formatting of per-sample shapes (batch dimension excluded).</summary>
    internal static class Shape
    {
        /// <summary><c>16×8×8</c>; a flat shape is its size alone: <c>128</c>.</summary>
        public static string Format(EquatableArray<int> shape) =>
            shape.Count == 0 ? "()" : string.Join("×", shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>A shape from its dimensions: <c>Shape.Of(16, 8, 8)</c>.</summary>
        public static EquatableArray<int> Of(params int[] dimensions) => new(dimensions);

        /// <summary>
        /// The number of elements: the product of the (positive) dimensions, or
        /// <see cref="long.MaxValue"/> when it does not fit, so a huge shape never wraps round to
        /// a small or negative size.
        /// </summary>
        public static long Elements(EquatableArray<int> shape)
        {
            long n = 1;
            foreach (int d in shape)
            {
                n = Numbers.SaturatingProduct(n, d);
            }

            return n;
        }
    }
}

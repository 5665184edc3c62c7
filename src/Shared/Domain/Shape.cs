using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>Formatting of per-sample shapes (batch dimension excluded).</summary>
    internal static class Shape
    {
        /// <summary>
        /// The dimension value that stands for the model's symbolic sequence length
        /// (<c>[Model(300, SequenceLength = "L")]</c> gives the input shape <c>Symbolic×300</c>). It is carried
        /// through every shape and printed by name; every count is evaluated at a length of 1 (see
        /// <see cref="Elements"/>). A declared input dimension of -1 without a symbolic length is
        /// still an error.
        /// </summary>
        public const int Symbolic = -1;

        /// <summary>The name printed for <see cref="Symbolic"/> when the caller does not know the model's.</summary>
        public const string DefaultLengthName = "L";

        /// <summary><c>16×8×8</c>; a flat shape is its size alone: <c>128</c>; a symbolic length prints as <c>L</c>.</summary>
        public static string Format(EquatableArray<int> shape) => Format(shape, null);

        /// <summary><c>L×300</c>: the symbolic length printed by the model's name for it.</summary>
        public static string Format(EquatableArray<int> shape, string? lengthName) =>
            shape.Count == 0
                ? "()"
                : string.Join("×", shape.Select(d => d == Symbolic ? lengthName ?? DefaultLengthName : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>A shape from its dimensions: <c>Shape.Of(16, 8, 8)</c>.</summary>
        public static EquatableArray<int> Of(params int[] dimensions) => new(dimensions);

        /// <summary>Whether the shape has the symbolic sequence length in any dimension.</summary>
        public static bool HasSymbolic(EquatableArray<int> shape)
        {
            foreach (int d in shape)
            {
                if (d == Symbolic)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The number of elements: the product of the (positive) dimensions, or
        /// <see cref="long.MaxValue"/> when it does not fit, so a huge shape never wraps round to
        /// a small or negative size. A symbolic length counts as 1: the counts of a model with a
        /// symbolic length are per position (L = 1), and what scales with the length scales linearly.
        /// </summary>
        public static long Elements(EquatableArray<int> shape)
        {
            long n = 1;
            foreach (int d in shape)
            {
                n = Numbers.SaturatingProduct(n, d == Symbolic ? 1 : d);
            }

            return n;
        }
    }
}

using System.Globalization;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// One value per spatial axis of an N-d window (kernel, stride, padding, dilation, output
    /// size): a length for 1-D, height and width for 2-D, depth, height and width for 3-D.
    /// Written as PyTorch prints a size: <c>3</c> when every axis agrees, <c>3×5</c> otherwise.
    /// </summary>
    /// <param name="Values">The values, outermost axis first.</param>
    internal readonly record struct Axes(EquatableArray<int> Values)
    {
        /// <summary>The number of axes.</summary>
        public int Rank => Values.Count;

        /// <summary>The value on axis <paramref name="axis"/> (0 = outermost).</summary>
        public int this[int axis] => Values[axis];

        /// <summary>The same value on every one of <paramref name="rank"/> axes.</summary>
        public static Axes Same(int rank, int value) => new(new EquatableArray<int>(Enumerable.Repeat(value, rank).ToArray()));

        /// <summary>The given values, outermost axis first.</summary>
        public static Axes Of(params int[] values) => new(new EquatableArray<int>(values));

        /// <summary>A height/width pair is a 2-D <see cref="Axes"/>.</summary>
        public static implicit operator Axes(Pair pair) => Of(pair.Height, pair.Width);

        /// <summary>Whether every axis has <paramref name="value"/>.</summary>
        public bool All(int value) => Values.All(v => v == value);

        /// <summary>Whether any axis satisfies <paramref name="predicate"/>.</summary>
        public bool Any(System.Func<int, bool> predicate) => Values.Any(predicate);

        /// <summary>The product of the values, saturating.</summary>
        public long Product() => Numbers.SaturatingProduct(Values.Select(v => (long)v).ToArray());

        /// <summary>The values joined with <c>·</c>, for parameter formulas: <c>3·3</c>.</summary>
        public string Dotted() => string.Join("·", Values.Select(Text));

        /// <summary>
        /// The C# argument TorchSharp takes: a plain number for 1-D factories (they take
        /// <c>long</c>), a tuple for 2-D and 3-D: <c>(3, 3)</c>.
        /// </summary>
        public string Tuple() => Rank == 1 ? Text(Values[0]) : "(" + string.Join(", ", Values.Select(Text)) + ")";

        /// <summary>A <c>long[]</c> literal, for TorchSharp factories that take arrays: <c>new long[] { 3, 3 }</c>.</summary>
        public string LongArray() => "new long[] { " + string.Join(", ", Values.Select(Text)) + " }";

        public override string ToString() =>
            Rank > 0 && All(Values[0]) ? Text(Values[0]) : string.Join("×", Values.Select(Text));

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelGen
{
    /// <summary>
    /// An immutable per-sample tensor shape (batch dimension excluded), compared by value and
    /// printed as <c>16×8×8</c>.
    /// </summary>
    public sealed class TensorShape : IReadOnlyList<long>, IEquatable<TensorShape>
    {
        private readonly long[] _dimensions;

        /// <summary>Creates a shape from its dimensions.</summary>
        /// <param name="dimensions">The dimensions, outermost first.</param>
        public TensorShape(params long[] dimensions) => _dimensions = (long[])dimensions.Clone();

        /// <summary>The number of dimensions.</summary>
        public int Count => _dimensions.Length;

        /// <summary>The number of elements (the product of the dimensions).</summary>
        public long Elements => _dimensions.Aggregate(1L, (a, b) => a * b);

        /// <inheritdoc />
        public long this[int index] => _dimensions[index];

        /// <summary>The shape of a batch of <paramref name="batchSize"/> samples.</summary>
        public long[] WithBatch(long batchSize) => new[] { batchSize }.Concat(_dimensions).ToArray();

        /// <inheritdoc />
        public bool Equals(TensorShape? other) => other is not null && _dimensions.SequenceEqual(other._dimensions);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as TensorShape);

        /// <inheritdoc />
        public override int GetHashCode() => _dimensions.Aggregate(17, (h, d) => unchecked((h * 31) + d.GetHashCode()));

        /// <summary>The shape as <c>16×8×8</c>.</summary>
        public override string ToString() => Format(_dimensions);

        /// <summary>Formats any dimensions as <c>16×8×8</c>.</summary>
        public static string Format(IEnumerable<long> dimensions) =>
            string.Join("×", dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)));

        /// <inheritdoc />
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)_dimensions).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

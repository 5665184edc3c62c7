using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelGen
{
    /// <summary>
    /// An immutable per-sample tensor shape (batch dimension excluded), compared by value and
    /// printed as <c>16×8×8</c>. A dimension may be the model's symbolic sequence length
    /// (<see cref="AnyLength"/>), printed by its name: <c>L×300</c>.
    /// </summary>
    public sealed class TensorShape : IReadOnlyList<long>, IEquatable<TensorShape>
    {
        /// <summary>The value of a dimension that is the symbolic sequence length: any size is accepted there.</summary>
        public const long AnyLength = -1;

        private readonly long[] _dimensions;

        /// <summary>Creates a shape from its dimensions.</summary>
        /// <param name="dimensions">The dimensions, outermost first.</param>
        public TensorShape(params long[] dimensions) => _dimensions = (long[])dimensions.Clone();

        /// <summary>Creates a shape whose <see cref="AnyLength"/> dimensions are the symbolic sequence length <paramref name="lengthName"/>.</summary>
        /// <param name="lengthName">The length's name, printed in its place: <c>L</c>.</param>
        /// <param name="dimensions">The dimensions, outermost first, <see cref="AnyLength"/> for the length.</param>
        public TensorShape(string lengthName, params long[] dimensions)
            : this(dimensions) => LengthName = lengthName;

        /// <summary>The name of the symbolic sequence length, or null when every dimension is fixed.</summary>
        public string? LengthName { get; }

        /// <summary>Whether dimension <paramref name="index"/> is the symbolic length (any size).</summary>
        /// <param name="index">The dimension, batch excluded.</param>
        public bool IsAnyLength(int index) => _dimensions[index] == AnyLength;

        /// <summary>The shape with the symbolic length fixed to <paramref name="length"/>, as TorchSharp would report it.</summary>
        /// <param name="length">The sequence length.</param>
        public long[] WithLength(long length) => _dimensions.Select(d => d == AnyLength ? length : d).ToArray();

        /// <summary>The number of dimensions.</summary>
        public int Count => _dimensions.Length;

        /// <summary>The number of elements (the product of the dimensions; the symbolic length counts as 1, per position).</summary>
        public long Elements => _dimensions.Aggregate(1L, (a, b) => a * (b == AnyLength ? 1 : b));

        /// <inheritdoc />
        public long this[int index] => _dimensions[index];

        /// <summary>The shape of a batch of <paramref name="batchSize"/> samples.</summary>
        public long[] WithBatch(long batchSize) => new[] { batchSize }.Concat(_dimensions).ToArray();

        /// <inheritdoc />
        public bool Equals(TensorShape? other) => other is not null && _dimensions.SequenceEqual(other._dimensions) && LengthName == other.LengthName;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as TensorShape);

        /// <inheritdoc />
        public override int GetHashCode() => _dimensions.Aggregate(17, (h, d) => unchecked((h * 31) + d.GetHashCode()));

        /// <summary>The shape as <c>16×8×8</c>.</summary>
        public override string ToString() =>
            LengthName is null ? Format(_dimensions) : string.Join("×", _dimensions.Select(d => d == AnyLength ? LengthName : d.ToString(CultureInfo.InvariantCulture)));

        /// <summary>Formats any dimensions as <c>16×8×8</c>.</summary>
        public static string Format(IEnumerable<long> dimensions) =>
            string.Join("×", dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)));

        /// <inheritdoc />
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)_dimensions).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

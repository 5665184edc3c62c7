using System;
using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// An attribute's arguments as plain values, read once from Roslyn by the reader and handed to
    /// the catalog entry of the attribute, which turns them into its typed spec. Holds no Roslyn
    /// type, so entries stay pure. Enum arguments arrive as their <see cref="int"/> value, array
    /// arguments as <c>object?[]</c>.
    /// </summary>
    internal sealed class DeclaredArguments
    {
        private readonly object?[] _positional;
        private readonly KeyValuePair<string, object?>[] _named;

        public DeclaredArguments(string display, object?[] positional, KeyValuePair<string, object?>[] named)
        {
            Display = display;
            _positional = positional;
            _named = named;
        }

        /// <summary>The attribute as written, whitespace collapsed: <c>Conv2d(16, Kernel = 3)</c>.</summary>
        public string Display { get; }

        /// <summary>The number of constructor arguments (optional ones included).</summary>
        public int PositionalCount => _positional.Length;

        /// <summary>The named arguments as written, in order.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> NamedArguments => _named;

        /// <summary>A copy with every value (array elements included) passed through <paramref name="map"/>: block parameters replaced by a use's values.</summary>
        public DeclaredArguments Map(Func<object?, object?> map)
        {
            object? Apply(object? value) => value is object?[] values ? Array.ConvertAll(values, Apply) : map(value);
            var named = new KeyValuePair<string, object?>[_named.Length];
            for (int i = 0; i < _named.Length; i++)
            {
                named[i] = new KeyValuePair<string, object?>(_named[i].Key, Apply(_named[i].Value));
            }

            return new DeclaredArguments(Display, Array.ConvertAll(_positional, Apply), named);
        }

        /// <summary>Whether the named argument was written.</summary>
        public bool Has(string name)
        {
            foreach (KeyValuePair<string, object?> pair in _named)
            {
                if (pair.Key == name)
                {
                    return true;
                }
            }

            return false;
        }

        public object? Positional(int position) => position < _positional.Length ? _positional[position] : null;

        public object? Named(string name)
        {
            foreach (KeyValuePair<string, object?> pair in _named)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        public int Int(int position, int fallback) => Positional(position) is int value ? value : fallback;

        public int Int(string name, int fallback) => Named(name) is int value ? value : fallback;

        public long Long(string name, long fallback) => Named(name) switch
        {
            long l => l,
            int i => i,
            _ => fallback,
        };

        public double Double(int position, double fallback) => AsDouble(Positional(position), fallback);

        public double Double(string name, double fallback) => AsDouble(Named(name), fallback);

        public bool Bool(string name, bool fallback) => Named(name) is bool value ? value : fallback;

        public string? String(int position) => Positional(position) as string;

        public string? String(string name) => Named(name) as string;

        /// <summary>Reads <c>{name}</c> for both axes, then <c>{name}Height</c>/<c>{name}Width</c> overrides.</summary>
        public Pair Pair(string name, int fallback)
        {
            int square = Int(name, fallback);
            return new Pair(Int(name + "Height", square), Int(name + "Width", square));
        }

        /// <summary>An <c>int[]</c> (or <c>params int[]</c>) argument; empty when absent or null.</summary>
        public int[] IntArray(int position) => AsIntArray(Positional(position));

        /// <summary>A named <c>int[]</c> argument; empty when absent or null.</summary>
        public int[] IntArray(string name) => AsIntArray(Named(name));

        private static int[] AsIntArray(object? value)
        {
            if (value is not object?[] values)
            {
                return Array.Empty<int>();
            }

            var result = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = values[i] is int v ? v : 0;
            }

            return result;
        }

        private static double AsDouble(object? value, double fallback) => value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => fallback,
        };
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>Attribute shorthands the catalog entries' ONNX mappings share.</summary>
    internal static class OnnxMap
    {
        /// <summary>An INTS attribute from per-axis values.</summary>
        public static OnnxAttribute Ints(string name, Axes axes) => OnnxAttribute.IntList(name, axes.Values);

        /// <summary>An INTS attribute.</summary>
        public static OnnxAttribute Ints(string name, params long[] values) => OnnxAttribute.IntList(name, values);

        /// <summary>An INT attribute.</summary>
        public static OnnxAttribute Int(string name, long value) => OnnxAttribute.Int(name, value);

        /// <summary>A FLOAT attribute.</summary>
        public static OnnxAttribute Float(string name, double value) => OnnxAttribute.Float(name, value);

        /// <summary>
        /// ONNX's <c>pads</c>: every axis' begin, then every axis' end (<c>[x1_begin, x2_begin, …,
        /// x1_end, x2_end, …]</c>), not PyTorch's per-axis pairs.
        /// </summary>
        public static OnnxAttribute Pads(IReadOnlyList<int> begins, IReadOnlyList<int> ends) =>
            OnnxAttribute.IntList("pads", begins.Concat(ends).Select(v => (long)v));

        /// <summary>Symmetric padding: the same values at the begin and the end of each axis.</summary>
        public static OnnxAttribute Pads(Axes padding) => Pads(padding.Values.ToArray(), padding.Values.ToArray());

        /// <summary>The inputs of a node whose last input is optional: <paramref name="optional"/> is left out when null.</summary>
        public static string[] Inputs(string first, string second, string? optional) =>
            optional is null ? new[] { first, second } : new[] { first, second, optional };
    }
}

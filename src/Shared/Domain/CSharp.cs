using System.Globalization;
using System.Linq;
using System.Text;


namespace ModelGen.Domain
{
    /// <summary>C# literal and type-name helpers for the emitter.</summary>
    internal static class CSharp
    {
        public const string Tensor = "global::TorchSharp.torch.Tensor";
        public const string Device = "global::TorchSharp.torch.Device";
        public const string Nn = "global::TorchSharp.torch.nn";
        public const string Modules = "global::TorchSharp.Modules";

        public static string Literal(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in value)
            {
                builder.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => c.ToString(),
                });
            }

            return builder.Append('"').ToString();
        }

        public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A double literal that round-trips: <c>0.001</c>, <c>1E-05</c>, <c>2.0</c>.</summary>
        public static string Literal(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains(".") || text.Contains("E") ? text : text + ".0";
        }

        public static string Literal(bool value) => value ? "true" : "false";

        /// <summary>Escapes text for an XML documentation comment.</summary>
        public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        public static string Tuple(Pair pair) => $"({pair.Height}, {pair.Width})";

        /// <summary>Arguments for <c>new global::ModelGen.TensorShape(...)</c>.</summary>
        public static string ShapeArguments(EquatableArray<int> shape) =>
            string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));

        /// <summary>
        /// Arguments for <c>new global::ModelGen.TensorShape(...)</c>; a shape with the symbolic
        /// length starts with its name: <c>"L", -1, 300</c>.
        /// </summary>
        public static string ShapeArguments(EquatableArray<int> shape, string? lengthName) =>
            Shape.HasSymbolic(shape)
                ? Literal(lengthName ?? Shape.DefaultLengthName) + (shape.Count == 0 ? string.Empty : ", " + ShapeArguments(shape))
                : ShapeArguments(shape);

        /// <summary>The batched shape for comments: <c>N×16×8×8</c>.</summary>
        public static string Batched(EquatableArray<int> shape) => "N×" + Shape.Format(shape);

        /// <summary>The batched shape for comments, the symbolic length by name: <c>N×L×300</c>.</summary>
        public static string Batched(EquatableArray<int> shape, string? lengthName) => "N×" + Shape.Format(shape, lengthName);
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The TorchSharp code that builds block instances: every layer through its entry's factory,
    /// one named argument per line, so the constructor reads like a torchvision model.
    /// </summary>
    internal static class GraphCode
    {
        private const string Indent = "    ";

        /// <summary>
        /// <c>new global::Zoo.BasicBlock(conv1: …, bn1: …, downsample: …)</c>: the block's generated
        /// constructor takes its layers in source order, then the shortcut's projection (a
        /// <c>Sequential</c> of convolution and batch norm, or null for the identity). Multi-line;
        /// the lines after the first are indented relative to it.
        /// </summary>
        public static string New(BlockPlan block)
        {
            var arguments = new List<string>(block.Body.Where(layer => layer.Entry.OwnsModule).Select(layer => $"{layer.FieldName}: {layer.Entry.Factory(layer)}"));
            if (block.Block.Shortcut is ShortcutSpec shortcut)
            {
                arguments.Add(block.Projection.Count == 0
                    ? $"{shortcut.FieldName}: null"
                    : $"{shortcut.FieldName}: {CSharp.Nn}.Sequential({string.Join(", ", block.Projection.Select(layer => layer.Entry.Factory(layer)))})");
            }

            return Call($"new {block.Block.TypeName}", arguments);
        }

        /// <summary><c>head(</c>, then each argument on its own indented line, then <c>)</c>.</summary>
        public static string Call(string head, IReadOnlyList<string> arguments) =>
            arguments.Count == 0
                ? head + "()"
                : head + "(\n" + string.Join(",\n", arguments.Select(argument => Indented(argument))) + ")";

        private static string Indented(string text) => Indent + text.Replace("\n", "\n" + Indent);
    }
}

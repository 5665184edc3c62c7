using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The ONNX nodes of one block instance, as its generated forward runs it: the body's layers
    /// through their entries, and at <c>[Shortcut]</c> an <c>Add</c> of the body so far and the
    /// input (identity) or the input's projection (torchvision's <c>downsample</c>: 1×1
    /// convolution, batch norm). Weights are read under the block's state_dict path
    /// (<c>layer1.0.conv1.weight</c>, <c>layer1.0.downsample.0.weight</c>).
    /// </summary>
    internal static class BlockOnnx
    {
        /// <summary>Adds the block's nodes on <paramref name="input"/> and returns its output's name, or null (<see cref="OnnxGraph.Unmapped"/> says why).</summary>
        /// <param name="block">The instance after inference.</param>
        /// <param name="graph">The graph being built.</param>
        /// <param name="input">The block's input value.</param>
        /// <param name="key">The instance's module path relative to the enclosing module: <c>layer1.0</c>, <c>inception.1</c>.</param>
        /// <param name="scope">The full scope of its nodes: <c>layer1.0</c>.</param>
        public static string? Map(BlockPlan block, OnnxGraph graph, string input, string key, string scope)
        {
            if (block.Block.HandWrittenForward)
            {
                graph.Unmapped = $"{block.Block.Name} writes its own forward, which the compile-time plan does not describe";
                return null;
            }

            using (graph.Nest(key, scope))
            {
                ShortcutSpec? shortcut = block.Block.Shortcut;
                int at = shortcut?.At ?? block.Body.Count;
                string? current = OnnxExportPlan.Layers(block.Body.Take(at).ToList(), graph, input, out _);
                if (current is null || shortcut is null)
                {
                    return current;
                }

                // The residual sum: body(x) + x, or body(x) + downsample(x) where the shapes differ.
                string added = input;
                if (block.Projection.Count > 0)
                {
                    string? projected;
                    using (graph.Nest(shortcut.FieldName, scope + "." + shortcut.FieldName))
                    {
                        projected = OnnxExportPlan.Layers(block.Projection, graph, input, out _);
                    }

                    if (projected is null)
                    {
                        return null;
                    }

                    added = projected;
                }

                graph.Scope = scope;
                current = graph.Step("Add", new[] { current, added });
                return OnnxExportPlan.Layers(block.Body.Skip(at).ToList(), graph, current, out _);
            }
        }
    }
}

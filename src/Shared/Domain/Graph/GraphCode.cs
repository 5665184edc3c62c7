using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>The TorchSharp code that builds block instances: every layer through its entry's factory.</summary>
    internal static class GraphCode
    {
        /// <summary>
        /// <c>new global::Zoo.BasicBlock(conv, bn, …, downsample)</c>: the block's generated
        /// constructor takes its layers in source order, then the shortcut's projection (a
        /// <c>Sequential</c> of convolution and batch norm, or null for the identity).
        /// </summary>
        public static string New(BlockPlan block)
        {
            var arguments = new List<string>(block.Body.Where(layer => layer.Entry.OwnsModule).Select(layer => layer.Entry.Factory(layer)));
            if (block.Block.Shortcut is not null)
            {
                arguments.Add(block.Projection.Count == 0
                    ? "null"
                    : $"{CSharp.Nn}.Sequential({string.Join(", ", block.Projection.Select(layer => layer.Entry.Factory(layer)))})");
            }

            return $"new {block.Block.TypeName}({string.Join(", ", arguments)})";
        }
    }
}

using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Generator
{
    /// <summary>What the emitter writes a block class from: its layers as declared (block parameters unresolved) and their fields.</summary>
    /// <param name="Hierarchy">Namespace and containing types.</param>
    /// <param name="Block">The block's layers and shortcut.</param>
    /// <param name="FieldNames">The field of each layer, parallel to <c>Block.Body</c>.</param>
    internal sealed record BlockSource(HierarchyInfo Hierarchy, BlockSpec Block, EquatableArray<string> FieldNames)
    {
        /// <summary>Whether the block class declares <c>forward(Tensor)</c> itself (its layers are then only declared, sized and registered).</summary>
        public bool HandWrittenForward { get; init; }
    }
}

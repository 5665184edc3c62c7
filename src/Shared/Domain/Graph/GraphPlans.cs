namespace ModelGen.Domain
{
    /// <summary>One instance of a block after shape inference.</summary>
    /// <param name="Block">The instance as declared.</param>
    /// <param name="Body">Its layers' plans, in order.</param>
    /// <param name="Projection">The shortcut's projection (convolution, batch norm), or empty for an identity shortcut or none.</param>
    /// <param name="InputShape">The per-sample input shape.</param>
    /// <param name="OutputShape">The per-sample output shape.</param>
    internal sealed record BlockPlan(
        BlockSpec Block,
        EquatableArray<LayerPlan> Body,
        EquatableArray<LayerPlan> Projection,
        EquatableArray<int> InputShape,
        EquatableArray<int> OutputShape);

    /// <summary>What a graph node holds after shape inference: its blocks (the instances of a use, or the branches).</summary>
    /// <param name="Blocks">The blocks, in order.</param>
    /// <param name="JoinDimension">For branches: the batched dimension of the concatenation (1 for channels, -1 for the features of a sequence).</param>
    internal sealed record TopologyPlan(EquatableArray<BlockPlan> Blocks, int JoinDimension = 0)
    {
        /// <summary>For a reuse: the layer applied again.</summary>
        public LayerPlan? Reused { get; init; }
    }
}

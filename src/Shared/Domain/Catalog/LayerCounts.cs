namespace ModelGen.Domain
{
    /// <summary>What one layer costs, for one sample, as the entry of its kind computes it.</summary>
    /// <param name="Parameters">Trainable scalars.</param>
    /// <param name="Buffers">Non-trainable tensors' scalars kept in the state_dict (batch-norm running statistics).</param>
    internal readonly record struct LayerCounts(long Parameters, long Buffers = 0)
    {
        public static LayerCounts None => default;
    }

    /// <summary>What an entry's shape rule returns: the output shape and the layer's counts.</summary>
    /// <param name="OutputShape">The per-sample output shape.</param>
    /// <param name="Counts">Parameters and buffers.</param>
    /// <param name="InFeatures">The input size the layer's weights are built for (Linear: features; Conv2d: channels; BatchNorm: features), or 0.</param>
    internal sealed record LayerOutcome(EquatableArray<int> OutputShape, LayerCounts Counts, int InFeatures = 0);
}

namespace ModelGen.Domain
{
    /// <summary>
    /// What one layer costs, for one sample, as the entry of its kind computes it. Mult-adds follow
    /// torchinfo's rules (layer_info.py): a convolution's parameters times its output positions, a
    /// linear map's parameters times its output rows, a recurrent layer's parameters times the
    /// sequence length, any other layer with parameters its parameter count, 0 without parameters.
    /// </summary>
    /// <param name="Parameters">Trainable scalars.</param>
    /// <param name="Buffers">Non-trainable float scalars kept in the state_dict (batch-norm running mean and variance; the int64 step counter is not counted, as in torchinfo).</param>
    /// <param name="MultAdds">torchinfo's mult-adds (weights and biases).</param>
    /// <param name="WeightMultAdds">Convolution and linear weights only (no bias): what torchvision publishes as GFLOPS.</param>
    internal readonly record struct LayerCounts(long Parameters, long Buffers = 0, long MultAdds = 0, long WeightMultAdds = 0)
    {
        public static LayerCounts None => default;

        /// <summary>A layer with parameters that is neither a convolution nor a linear map: mult-adds = parameters.</summary>
        public static LayerCounts Elementwise(long parameters, long buffers = 0) => new(parameters, buffers, parameters, 0);

        /// <summary>A linear map or convolution: every parameter is used once per output position (row).</summary>
        public static LayerCounts PerPosition(long weights, long biases, long positions) => new(
            Numbers.SaturatingSum(weights, biases),
            0,
            Numbers.SaturatingProduct(Numbers.SaturatingSum(weights, biases), positions),
            Numbers.SaturatingProduct(weights, positions));
    }

    /// <summary>What an entry's shape rule returns: the output shape and the layer's counts.</summary>
    /// <param name="OutputShape">The per-sample output shape.</param>
    /// <param name="Counts">Parameters, buffers and mult-adds.</param>
    /// <param name="InFeatures">The input size the layer's weights are built for (Linear: features; Conv2d: channels; BatchNorm: features), or 0.</param>
    /// <param name="ChannelsFirst">
    /// Whether the output's first dimension is channels (C×L, C×H×W), as after a convolution, a
    /// pool or a batch norm; null keeps the input's. Linear acts on the last dimension of a
    /// sequence (L×F) but needs Flatten after a channels-first map.
    /// </param>
    internal sealed record LayerOutcome(EquatableArray<int> OutputShape, LayerCounts Counts, int InFeatures = 0, bool? ChannelsFirst = null)
    {
        /// <summary>For a block use, branches or a reuse: the plans inside (null for a plain layer).</summary>
        public TopologyPlan? Topology { get; init; }
    }
}

namespace ModelGen
{
    /// <summary>One row of a generated model's layer table, computed at compile time.</summary>
    /// <param name="Field">The field name, which is the layer's state_dict prefix (<c>conv1</c>).</param>
    /// <param name="Kind">The layer kind (<c>Conv2d</c>).</param>
    /// <param name="Declaration">The attribute as written (<c>Conv2d(16, Kernel = 3)</c>).</param>
    /// <param name="InputShape">The per-sample input shape.</param>
    /// <param name="OutputShape">The per-sample output shape.</param>
    /// <param name="Parameters">The number of trainable scalars.</param>
    /// <param name="Buffers">Non-trainable float scalars in the state_dict (batch-norm running mean and variance).</param>
    /// <param name="MultAdds">Mult-adds for one sample, by torchinfo's rules.</param>
    /// <param name="WeightMultAdds">Convolution and linear weight mult-adds for one sample (torchvision's GFLOPS).</param>
    public sealed record LayerInfo(
        string Field,
        string Kind,
        string Declaration,
        TensorShape InputShape,
        TensorShape OutputShape,
        long Parameters,
        long Buffers = 0,
        long MultAdds = 0,
        long WeightMultAdds = 0);
}

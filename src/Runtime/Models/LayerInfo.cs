namespace ModelGen
{
    /// <summary>One row of a generated model's layer table.</summary>
    /// <param name="Field">The field name, which is the layer's state_dict prefix (<c>conv1</c>).</param>
    /// <param name="Kind">The layer kind (<c>Conv2d</c>).</param>
    /// <param name="Declaration">The attribute as written (<c>Conv2d(16, Kernel = 3)</c>).</param>
    /// <param name="InputShape">The per-sample input shape.</param>
    /// <param name="OutputShape">The per-sample output shape.</param>
    /// <param name="Parameters">The number of trainable scalars.</param>
    public sealed record LayerInfo(string Field, string Kind, string Declaration, TensorShape InputShape, TensorShape OutputShape, long Parameters);
}

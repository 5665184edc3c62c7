namespace ModelGen.Domain
{
    /// <summary>Mirrors <c>ModelGen.WeightInit</c>; the numeric values must match (a test compares them).</summary>
    internal enum WeightInitSpec
    {
        Uniform = 0,
        XavierNormal = 1,
        XavierUniform = 2,
        HeNormal = 3,
        HeUniform = 4,
        Zeros = 5,
    }

    /// <summary>A declared <c>[Initialize]</c>: applied in source order when the model is constructed.</summary>
    /// <param name="Weights">The rule for weight tensors.</param>
    /// <param name="Bias">The constant for biases.</param>
    /// <param name="Layer">A layer's field name, or null for every layer.</param>
    /// <param name="Display">The attribute as written.</param>
    internal sealed record InitializerSpec(WeightInitSpec Weights, double Bias, string? Layer, string Display);
}

using System;

namespace ModelGen
{
    /// <summary>
    /// Re-initializes the model's parameters when it is constructed, after TorchSharp's defaults:
    /// weight tensors (matrices and kernels) by <see cref="Weights"/>, biases to <see cref="Bias"/>.
    /// Without <see cref="Layer"/> it applies to every layer; with it, to that layer only (its
    /// field name, e.g. <c>"fc2"</c>). Several attributes apply in source order, so a model-wide
    /// rule can be followed by per-layer exceptions:
    /// <code>
    /// [Initialize(WeightInit.HeNormal)]                         // ReLU layers: He (Kaiming)
    /// [Initialize(WeightInit.XavierUniform, Layer = "fc3")]     // the output layer: Glorot
    /// </code>
    /// The draws come from TorchSharp's global generator, so <c>torch.manual_seed</c> before
    /// construction makes them repeat. The formulas are in docs/training.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InitializeAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="weights">The rule for weight tensors.</param>
        public InitializeAttribute(WeightInit weights) => Weights = weights;

        /// <summary>The rule for weight tensors.</summary>
        public WeightInit Weights { get; }

        /// <summary>The constant for biases (default 0).</summary>
        public double Bias { get; set; }

        /// <summary>A layer's field name (<c>fc2</c>, <c>conv1</c>); null for every layer.</summary>
        public string? Layer { get; set; }
    }
}

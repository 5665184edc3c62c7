using System;

namespace ModelGen
{
    /// <summary>
    /// A fully connected layer, y = x·Wᵀ + b. The number of inputs is inferred from the layer
    /// above; parameters: in·out weights plus out biases.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LinearAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="outFeatures">The number of outputs.</param>
        public LinearAttribute(int outFeatures) => OutFeatures = outFeatures;

        /// <summary>The number of outputs.</summary>
        public int OutFeatures { get; }

        /// <summary>Whether the layer learns an additive bias (default true).</summary>
        public bool Bias { get; set; } = true;
    }

    /// <summary>Zeroes each element with probability <see cref="P"/> during training (inverted dropout).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DropoutAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="p">The drop probability, in [0, 1).</param>
        public DropoutAttribute(double p = 0.5) => P = p;

        /// <summary>The drop probability, in [0, 1).</summary>
        public double P { get; }
    }

    /// <summary>Batch normalization over the features of a flat input (N×F).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BatchNorm1dAttribute : LayerAttribute
    {
        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>The running statistics' update factor (default 0.1).</summary>
        public double Momentum { get; set; } = 0.1;
    }

    /// <summary>Batch normalization over the channels of a feature map (N×C×H×W).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BatchNorm2dAttribute : LayerAttribute
    {
        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>The running statistics' update factor (default 0.1).</summary>
        public double Momentum { get; set; } = 0.1;
    }
}

using System;

namespace ModelGen
{
    /// <summary>Rectified linear unit, max(0, x).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ReLUAttribute : LayerAttribute
    {
    }

    /// <summary>Leaky ReLU, x for x ≥ 0 and <see cref="NegativeSlope"/>·x otherwise.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LeakyReLUAttribute : LayerAttribute
    {
        /// <summary>The slope for negative inputs (default 0.01).</summary>
        public double NegativeSlope { get; set; } = 0.01;
    }

    /// <summary>Logistic sigmoid, 1 / (1 + e^−x).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SigmoidAttribute : LayerAttribute
    {
    }

    /// <summary>Hyperbolic tangent.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class TanhAttribute : LayerAttribute
    {
    }

    /// <summary>Softmax over the feature dimension (dimension 1 of N×F).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SoftmaxAttribute : LayerAttribute
    {
        /// <summary>The dimension, counting the batch as 0 (default 1).</summary>
        public int Dim { get; set; } = 1;
    }

    /// <summary>Log-softmax over the feature dimension (dimension 1 of N×F).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LogSoftmaxAttribute : LayerAttribute
    {
        /// <summary>The dimension, counting the batch as 0 (default 1).</summary>
        public int Dim { get; set; } = 1;
    }
}

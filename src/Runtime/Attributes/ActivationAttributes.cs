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

namespace ModelGen
{
    /// <summary>
    /// The binary step (Heaviside) function: 1 for x &gt; 0, 0 for x &lt; 0 and
    /// <see cref="ValueAtZero"/> at 0. Its gradient is zero everywhere, so layers below it do not
    /// learn from what passes through it. Runs <see cref="Layers.BinaryStep"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BinaryStepAttribute : LayerAttribute
    {
        /// <summary>The output at exactly 0 (default 1, the notes' binary step; 001's Heaviside uses 0).</summary>
        public double ValueAtZero { get; set; } = 1.0;
    }

    /// <summary>
    /// Parametric ReLU, x for x ≥ 0 and a·x otherwise, with the slope a learned: one shared slope or
    /// one per channel (dimension 1 of the batch, as in PyTorch).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PReLUAttribute : LayerAttribute
    {
        /// <summary>The number of slopes: 1 (default) or the number of channels.</summary>
        public int NumParameters { get; set; } = 1;

        /// <summary>The slopes' initial value (default 0.25).</summary>
        public double Init { get; set; } = 0.25;
    }

    /// <summary>Exponential linear unit, x for x &gt; 0 and α·(eˣ − 1) otherwise.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ELUAttribute : LayerAttribute
    {
        /// <summary>The magnitude α of the negative saturation (default 1).</summary>
        public double Alpha { get; set; } = 1.0;
    }

    /// <summary>Scaled ELU, λ·ELU(x) with PyTorch's λ ≈ 1.0507 and α ≈ 1.6733 (self-normalizing; pair with AlphaDropout).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SELUAttribute : LayerAttribute
    {
    }

    /// <summary>How <see cref="GELUAttribute"/> computes the normal CDF.</summary>
    public enum GeluApproximate
    {
        /// <summary>Exactly: x·Φ(x).</summary>
        None,

        /// <summary>With the tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
        Tanh,
    }

    /// <summary>Gaussian error linear unit, x·Φ(x) with Φ the standard normal CDF.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GELUAttribute : LayerAttribute
    {
        /// <summary>Exact (default) or the tanh approximation.</summary>
        public GeluApproximate Approximate { get; set; } = GeluApproximate.None;
    }

    /// <summary>Sigmoid linear unit, x·σ(x): the notes' Swish.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SiLUAttribute : LayerAttribute
    {
    }

    /// <summary>Softplus, (1/β)·ln(1 + e^(β·x)), linear above <see cref="Threshold"/>; with β = 1 the notes' ln(1 + eˣ).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SoftplusAttribute : LayerAttribute
    {
        /// <summary>The sharpness β, positive (default 1).</summary>
        public double Beta { get; set; } = 1.0;

        /// <summary>Where β·x exceeds this value the output is x, for numerical stability (default 20).</summary>
        public double Threshold { get; set; } = 20.0;
    }

    /// <summary>Mish, x·tanh(softplus(x)).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MishAttribute : LayerAttribute
    {
    }

    /// <summary>Hard tanh: x clamped to [<see cref="MinVal"/>, <see cref="MaxVal"/>]. Runs <see cref="Layers.Hardtanh"/> (TorchSharp 0.107's nn.Hardtanh does not clamp).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class HardtanhAttribute : LayerAttribute
    {
        /// <summary>The lower bound (default −1); less than <see cref="MaxVal"/>.</summary>
        public double MinVal { get; set; } = -1.0;

        /// <summary>The upper bound (default 1).</summary>
        public double MaxVal { get; set; } = 1.0;
    }

    /// <summary>
    /// Maxout: each output is the maximum of k adjacent inputs, so the pieced dimension shrinks by
    /// k: F → F/k on flat features, C×H×W → C/k×H×W on a feature map (the channels, dimension 1 of
    /// the batch, as PyTorch places them), L×F → L×F/k on a sequence. Output j is the maximum of
    /// inputs j·k … j·k + k − 1. Put it after a Linear or Conv2d with k times the outputs: that
    /// layer holds the k linear pieces. Runs <see cref="Layers.Maxout"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxoutAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="pieces">The number k of inputs per output; it must divide the pieced dimension.</param>
        public MaxoutAttribute(int pieces) => Pieces = pieces;

        /// <summary>The number k of inputs per output.</summary>
        public int Pieces { get; }
    }
}

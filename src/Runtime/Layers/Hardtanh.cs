using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Hard tanh, element-wise: x clamped to [<see cref="MinVal"/>, <see cref="MaxVal"/>]; the
    /// gradient is 1 inside the range and 0 outside. The layer behind
    /// <see cref="HardtanhAttribute"/>. It replaces TorchSharp's own: in TorchSharp 0.107
    /// <c>nn.Hardtanh</c>, <c>functional.hardtanh</c> and <c>Tensor.hardtanh</c> return their input
    /// unchanged whatever the bounds (a test in ModelGen.Runtime.Tests watches for the fix), so
    /// this module computes PyTorch's Hardtanh with <c>clamp</c>.
    /// </summary>
    public sealed class Hardtanh : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="minVal">The lower bound (−1 by default).</param>
        /// <param name="maxVal">The upper bound (1 by default), above <paramref name="minVal"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="minVal"/> is not below <paramref name="maxVal"/>.</exception>
        public Hardtanh(double minVal = -1.0, double maxVal = 1.0)
            : base(nameof(Hardtanh))
        {
            if (double.IsNaN(minVal) || double.IsInfinity(minVal) || double.IsNaN(maxVal) || double.IsInfinity(maxVal) || !(minVal < maxVal))
            {
                throw new ArgumentOutOfRangeException(nameof(minVal), minVal, $"Hardtanh needs finite bounds with minVal < maxVal, got [{minVal}, {maxVal}].");
            }

            MinVal = minVal;
            MaxVal = maxVal;
        }

        /// <summary>The lower bound.</summary>
        public double MinVal { get; }

        /// <summary>The upper bound.</summary>
        public double MaxVal { get; }

        /// <summary>min(max(x, <see cref="MinVal"/>), <see cref="MaxVal"/>); same shape and type as <paramref name="input"/>.</summary>
        /// <param name="input">Any float tensor.</param>
        public override Tensor forward(Tensor input) => input.clamp(MinVal, MaxVal);
    }
}

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Adds zero-mean Gaussian noise to its input in training mode: y = x + σ·ε with
    /// ε ~ N(0, 1) drawn afresh for every element of every call; in evaluation mode y = x. The
    /// layer behind <see cref="GaussianNoiseAttribute"/> (Keras' GaussianNoise; TorchSharp has no
    /// such module). It has no parameters and no buffers.
    /// </summary>
    public sealed class GaussianNoise : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="std">The noise's standard deviation σ, zero or positive and finite.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative, infinite or NaN.</exception>
        public GaussianNoise(double std)
            : base(nameof(GaussianNoise))
        {
            if (!(std >= 0) || double.IsInfinity(std))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std, "The noise standard deviation must be zero or positive and finite.");
            }

            Std = std;
        }

        /// <summary>The noise's standard deviation σ.</summary>
        public double Std { get; }

        /// <summary>x + σ·N(0, 1) in training mode, x (an alias, no copy) in evaluation mode or when σ = 0.</summary>
        /// <param name="input">Any float tensor.</param>
        public override Tensor forward(Tensor input)
        {
            if (!training || Std == 0)
            {
                return input.alias();
            }

            using Tensor noise = randn_like(input);
            return input.add(noise, alpha: Std);
        }
    }
}

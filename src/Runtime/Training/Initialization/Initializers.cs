using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Re-initializes a model's parameters, per model or per layer, with the rules of the course
    /// notes: weight tensors (two or more dimensions) by <see cref="WeightInit"/>, biases to a
    /// constant (zero by default; TorchSharp's own default draws biases from ±1/√fan_in).
    /// fan_in = input features × kernel area, fan_out = output features × kernel area. Draws come
    /// from TorchSharp's global generator, so <c>torch.manual_seed</c> makes them repeat.
    /// </summary>
    public static class Initializers
    {
        /// <summary>Initializes the weights and biases of <paramref name="model"/> (or of one of its layers).</summary>
        /// <param name="model">Any module, typically a generated model.</param>
        /// <param name="weights">The rule for weight tensors.</param>
        /// <param name="biasValue">The constant for biases (default 0).</param>
        /// <param name="layer">A layer's field name (the state_dict prefix, <c>fc1</c>); null for every layer.</param>
        /// <returns>The number of tensors initialized.</returns>
        /// <exception cref="ArgumentException">No layer of that name has parameters.</exception>
        public static int Apply(nn.Module model, WeightInit weights, double biasValue = 0, string? layer = null)
        {
            ArgumentNullException.ThrowIfNull(model);
            int count = 0;
            using var noGrad = torch.no_grad();
            foreach ((string name, Parameter parameter) in model.named_parameters())
            {
                int dot = name.LastIndexOf('.');
                string owner = dot < 0 ? string.Empty : name.Substring(0, dot);
                if (layer is not null && owner != layer)
                {
                    continue;
                }

                if (parameter.dim() >= 2)
                {
                    Weights(parameter, weights);
                    count++;
                }
                else if (name.EndsWith("bias", StringComparison.Ordinal))
                {
                    nn.init.constant_(parameter, biasValue);
                    count++;
                }
            }

            if (layer is not null && count == 0)
            {
                string layers = string.Join(", ", model.named_parameters().Select(p => p.name.Split('.')[0]).Distinct());
                throw new ArgumentException($"No layer named '{layer}' has weights or biases; the layers with parameters are {layers}.", nameof(layer));
            }

            return count;
        }

        /// <summary>fan_in and fan_out of a weight tensor: dimension 1 and 0 times the kernel area.</summary>
        /// <param name="weight">A tensor of two or more dimensions (out × in × kernel…).</param>
        /// <returns>(fan_in, fan_out).</returns>
        public static (long FanIn, long FanOut) Fans(Tensor weight)
        {
            ArgumentNullException.ThrowIfNull(weight);
            long receptive = weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            return (weight.shape[1] * receptive, weight.shape[0] * receptive);
        }

        private static void Weights(Tensor weight, WeightInit rule)
        {
            (long fanIn, long fanOut) = Fans(weight);
            switch (rule)
            {
                case WeightInit.Uniform:
                    double bound = 1 / Math.Sqrt(fanIn);
                    nn.init.uniform_(weight, -bound, bound);
                    break;
                case WeightInit.XavierNormal:
                    nn.init.normal_(weight, 0, Math.Sqrt(2.0 / (fanIn + fanOut)));
                    break;
                case WeightInit.XavierUniform:
                    double xavier = Math.Sqrt(6.0 / (fanIn + fanOut));
                    nn.init.uniform_(weight, -xavier, xavier);
                    break;
                case WeightInit.HeNormal:
                    nn.init.normal_(weight, 0, Math.Sqrt(2.0 / fanIn));
                    break;
                case WeightInit.HeUniform:
                    double he = Math.Sqrt(6.0 / fanIn);
                    nn.init.uniform_(weight, -he, he);
                    break;
                case WeightInit.Zeros:
                    nn.init.zeros_(weight);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a WeightInit.");
            }
        }
    }
}

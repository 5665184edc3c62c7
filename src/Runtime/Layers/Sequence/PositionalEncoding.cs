using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Adds the sinusoidal positional encoding of "Attention is all you need" to a batch-first
    /// N×L×D sequence: PE(pos, 2i) = sin(pos / 10000^(2i/D)), PE(pos, 2i + 1) = cos(pos / 10000^(2i/D)).
    /// Nothing is learned or stored: the table is computed for the batch's length, so any length works
    /// and the state_dict is empty.
    /// </summary>
    public sealed class PositionalEncoding : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the module.</summary>
        public PositionalEncoding()
            : base(nameof(PositionalEncoding))
        {
        }

        /// <summary>The L×D table for one sequence.</summary>
        /// <param name="length">L, the positions.</param>
        /// <param name="dimension">D, the features.</param>
        /// <param name="device">Where to create it; the CPU when null.</param>
        /// <param name="dtype">Its element type; float32 when null.</param>
        public static Tensor Table(long length, long dimension, Device? device = null, ScalarType? dtype = null)
        {
            using var scope = NewDisposeScope();
            Tensor position = arange(length, dtype: ScalarType.Float64, device: device).unsqueeze(1);
            Tensor frequency = exp(arange(0, dimension, 2, dtype: ScalarType.Float64, device: device) * (-Math.Log(10000.0) / dimension));
            Tensor angles = position * frequency;
            Tensor table = stack(new[] { angles.sin(), angles.cos() }, 2).reshape(length, -1).narrow(1, 0, dimension);
            return table.to_type(dtype ?? ScalarType.Float32).MoveToOuterDisposeScope();
        }

        /// <inheritdoc />
        public override Tensor forward(Tensor input)
        {
            if (input.dim() != 3)
            {
                throw new ArgumentException($"PositionalEncoding expects a batch of sequences N×L×D but received {ModelGen.TensorShape.Format(input.shape)}.", nameof(input));
            }

            using Tensor table = Table(input.shape[1], input.shape[2], input.device, input.dtype);
            return input + table;
        }
    }
}

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Maxout: the maximum over <see cref="Pieces"/> adjacent entries of dimension
    /// <see cref="Dim"/>, which shrinks from size S to S / k. Output j is the maximum of inputs
    /// j·k … j·k + k − 1 (a reshape of S into (S / k, k) and a max over the second). On N×F that is
    /// F → F/k; on N×C×H×W with <see cref="Dim"/> = 1 it pieces the channels, PyTorch's channel
    /// dimension. The layer behind <see cref="MaxoutAttribute"/>; TorchSharp has no such module.
    /// It has no parameters: the k linear pieces are the layer above, built with k times the outputs.
    /// </summary>
    public sealed class Maxout : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="pieces">The number k of entries each output is the maximum of; positive.</param>
        /// <param name="dim">The pieced dimension, counting the batch as 0 (1 by default: features or channels); negative counts from the end.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pieces"/> is not positive.</exception>
        public Maxout(long pieces, long dim = 1)
            : base(nameof(Maxout))
        {
            if (pieces <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(pieces), pieces, "The number of pieces must be positive.");
            }

            Pieces = pieces;
            Dim = dim;
        }

        /// <summary>The number k of entries each output is the maximum of.</summary>
        public long Pieces { get; }

        /// <summary>The pieced dimension, counting the batch as 0.</summary>
        public long Dim { get; }

        /// <summary>The maximum over each group of <see cref="Pieces"/> adjacent entries of <see cref="Dim"/>.</summary>
        /// <param name="input">A tensor whose size along <see cref="Dim"/> is a multiple of <see cref="Pieces"/>.</param>
        /// <exception cref="ArgumentException">The size along <see cref="Dim"/> is not a multiple of <see cref="Pieces"/>, or the tensor has no such dimension.</exception>
        public override Tensor forward(Tensor input)
        {
            long[] shape = input.shape;
            long dim = Dim < 0 ? Dim + shape.Length : Dim;
            if (dim < 0 || dim >= shape.Length)
            {
                throw new ArgumentException($"Maxout over dimension {Dim} needs a tensor with that dimension, got shape {TensorShape.Format(shape)}.", nameof(input));
            }

            long size = shape[dim];
            if (size % Pieces != 0)
            {
                throw new ArgumentException($"Maxout with {Pieces} pieces needs a size along dimension {Dim} that {Pieces} divides, got shape {TensorShape.Format(shape)}.", nameof(input));
            }

            var pieced = new long[shape.Length + 1];
            Array.Copy(shape, pieced, dim);
            pieced[dim] = size / Pieces;
            pieced[dim + 1] = Pieces;
            Array.Copy(shape, dim + 1, pieced, dim + 2, shape.Length - dim - 1);

            using Tensor grouped = input.reshape(pieced);
            return grouped.amax(new[] { dim + 1 });
        }
    }
}

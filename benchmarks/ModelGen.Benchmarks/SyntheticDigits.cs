using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// A fixed, seeded set of batches shaped like the 8×8 digits (pixel values 0..16 scaled to
    /// [0, 1], labels 0..9). Both models train on the same batches in the same order.
    /// </summary>
    internal sealed class SyntheticDigits
    {
        public SyntheticDigits(int batches, int batchSize, long seed)
        {
            var generator = new Generator((ulong)seed);
            var list = new List<(Tensor Input, Tensor Target)>(batches);
            for (int i = 0; i < batches; i++)
            {
                Tensor pixels = randint(0, 17, new long[] { batchSize, 1, 8, 8 }, dtype: ScalarType.Float32, generator: generator) / 16.0f;
                Tensor labels = randint(0, 10, new long[] { batchSize }, dtype: ScalarType.Int64, generator: generator);
                list.Add((pixels, labels));
            }

            Batches = list;
        }

        public IReadOnlyList<(Tensor Input, Tensor Target)> Batches { get; }

        public (Tensor Input, Tensor Target) this[long step] => Batches[(int)(step % Batches.Count)];
    }
}

using System;

namespace ModelGen.Data
{
    /// <summary>
    /// Permutations drawn from a <see cref="Random"/>, so that a seed alone decides the order of
    /// samples (TorchSharp's global generator is left to the layers that need it, such as dropout).
    /// </summary>
    internal static class SeededPermutation
    {
        /// <summary>A uniformly random permutation of 0..<paramref name="count"/>−1 (Fisher–Yates).</summary>
        public static long[] Create(int count, Random random)
        {
            long[] order = Identity(count);
            for (int i = count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            return order;
        }

        /// <summary>0, 1, …, <paramref name="count"/>−1.</summary>
        public static long[] Identity(int count)
        {
            long[] order = new long[count];
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }

            return order;
        }
    }
}

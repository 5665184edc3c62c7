using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Vectors of one repeated value (ones for a bias gradient's row sums, −1 for the cross-entropy
    /// gradient's target classes), one per value, length, element type and device, made once and kept
    /// for the thread's lifetime outside any dispose scope (a batch size or two per model).
    /// </summary>
    internal static class ConstantVectors
    {
        [ThreadStatic]
        private static Dictionary<(double Value, long Length, ScalarType Type, DeviceType Device, int Index), Tensor>? t_vectors;

        /// <summary>A vector of <paramref name="length"/> elements equal to <paramref name="value"/>, of <paramref name="like"/>'s element type and device.</summary>
        /// <param name="value">The value.</param>
        /// <param name="length">The number of elements.</param>
        /// <param name="like">A tensor whose element type and device the vector takes.</param>
        /// <returns>The cached vector; callers must not write to it or dispose it.</returns>
        public static Tensor Filled(double value, long length, Tensor like)
        {
            t_vectors ??= new Dictionary<(double, long, ScalarType, DeviceType, int), Tensor>();
            var key = (value, length, like.dtype, like.device_type, like.device_index);
            if (!t_vectors.TryGetValue(key, out Tensor? vector) || vector.IsInvalid)
            {
                vector = torch.full(new[] { length }, value, dtype: like.dtype, device: like.device).DetachFromDisposeScope();
                t_vectors[key] = vector;
            }

            return vector;
        }
    }
}

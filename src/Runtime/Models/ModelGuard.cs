using System;
using TorchSharp;

namespace ModelGen
{
    /// <summary>Checks that generated code runs before touching TorchSharp.</summary>
    public static class ModelGuard
    {
        /// <summary>Throws <see cref="ObjectDisposedException"/> naming the model when it has been disposed, rather than libtorch's "empty handle".</summary>
        /// <param name="disposed">Whether the model has been disposed.</param>
        /// <param name="model">The model's name, for the message.</param>
        public static void ThrowIfDisposed(bool disposed, string model)
        {
            if (disposed)
            {
                throw new ObjectDisposedException(model, $"{model} has been disposed (its parameters are freed); create a new {model}, or load a checkpoint into one.");
            }
        }

        /// <summary>Throws <see cref="InputShapeException"/> unless <paramref name="input"/> is a batch of <paramref name="expected"/>.</summary>
        /// <param name="model">The model's name, for the message.</param>
        /// <param name="input">The batch.</param>
        /// <param name="expected">The per-sample shape.</param>
        public static void CheckInput(string model, torch.Tensor input, TensorShape expected)
        {
            long[] actual = input.shape;
            bool matches = actual.Length == expected.Count + 1;
            for (int i = 0; matches && i < expected.Count; i++)
            {
                matches = actual[i + 1] == expected[i] || (expected[i] == TensorShape.AnyLength && actual[i + 1] > 0);
            }

            if (!matches)
            {
                throw new InputShapeException(model, expected, actual);
            }
        }

        /// <summary>
        /// Throws unless <paramref name="input"/> holds token ids (int64 or int32) in a batch of
        /// <paramref name="expected"/>: a float tensor is refused with a message naming the model.
        /// </summary>
        /// <param name="model">The model's name, for the message.</param>
        /// <param name="input">The batch of token ids.</param>
        /// <param name="expected">The per-sample shape.</param>
        public static void CheckTokenIds(string model, torch.Tensor input, TensorShape expected)
        {
            if (input.dtype is not (torch.ScalarType.Int64 or torch.ScalarType.Int32))
            {
                throw new ArgumentException(
                    $"{model} takes token ids (int64) of shape N×{expected} but received a {input.dtype} tensor; pass vocabulary indices as int64, e.g. input.to(torch.int64)",
                    nameof(input));
            }

            CheckInput(model, input, expected);
        }
    }

    /// <summary>A model received a tensor that is not a batch of its declared input shape.</summary>
    public sealed class InputShapeException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="model">The model's name.</param>
        /// <param name="expected">The declared per-sample shape.</param>
        /// <param name="actual">The shape received, batch included.</param>
        public InputShapeException(string model, TensorShape expected, long[] actual)
            : base($"{model} expects a batch of shape N×{expected} but received {(actual.Length == 0 ? "a scalar" : TensorShape.Format(actual))}" +
                   (actual.Length == expected.Count ? $" (a single sample? add the batch dimension: 1×{TensorShape.Format(actual)})" : string.Empty) + ".", "input")
        {
            Model = model;
            Expected = expected;
            Actual = actual;
        }

        /// <summary>The model's name.</summary>
        public string Model { get; }

        /// <summary>The declared per-sample shape.</summary>
        public TensorShape Expected { get; }

        /// <summary>The shape received, batch included.</summary>
        public long[] Actual { get; }
    }
}

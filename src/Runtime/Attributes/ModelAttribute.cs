using System;

namespace ModelGen
{
    /// <summary>
    /// Declares a partial class as a ModelGen model and gives the shape of one input sample,
    /// without the batch dimension: <c>[Model(1, 28, 28)]</c> for a one-channel 28×28 image,
    /// <c>[Model(64)]</c> for a vector of 64 features, <c>[Model("L", 300)]</c> for sequences of
    /// any length L of 300-d vectors, <c>[Model("L", Input = InputKind.TokenIds)]</c> for
    /// sequences of token ids. The layer attributes that follow, in source order, form the network.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ModelAttribute : Attribute
    {
        /// <summary>Creates the attribute for a fixed-size input.</summary>
        /// <param name="inputShape">The input shape without the batch dimension.</param>
        public ModelAttribute(params int[] inputShape) => InputShape = inputShape;

        /// <summary>
        /// Creates the attribute for sequences of any length: the first dimension is the symbolic
        /// length <paramref name="sequenceLength"/>, printed by that name in every shape
        /// (<c>L×300</c>), the other dimensions follow.
        /// </summary>
        /// <param name="sequenceLength">The length's name, an identifier: <c>"L"</c>.</param>
        /// <param name="features">The dimensions after the length (none for token ids).</param>
        public ModelAttribute(string sequenceLength, params int[] features)
        {
            SequenceLength = sequenceLength;
            InputShape = features;
        }

        /// <summary>The input shape without the batch dimension (after the sequence length, when it is symbolic).</summary>
        public int[] InputShape { get; }

        /// <summary>The name of the symbolic sequence length, or null for a fixed-size input.</summary>
        public string? SequenceLength { get; }

        /// <summary>What the input holds: floats (default) or token ids, which only <c>Embedding</c> takes.</summary>
        public InputKind Input { get; set; } = InputKind.Float;
    }

    /// <summary>What a model's input holds.</summary>
    public enum InputKind
    {
        /// <summary>float32 values (the default).</summary>
        Float = 0,

        /// <summary>Token ids: int64 indices into a vocabulary, one per position; the model starts with <c>Embedding</c>.</summary>
        TokenIds = 1,
    }

    /// <summary>Base class of every attribute that adds a layer to a model.</summary>
    public abstract class LayerAttribute : Attribute
    {
    }
}

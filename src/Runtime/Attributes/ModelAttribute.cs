using System;

namespace ModelGen
{
    /// <summary>
    /// Declares a partial class as a ModelGen model and gives the shape of one input sample,
    /// without the batch dimension: <c>[Model(1, 28, 28)]</c> for a one-channel 28×28 image,
    /// <c>[Model(64)]</c> for a vector of 64 features, <c>[Model(300, SequenceLength = "L")]</c>
    /// for sequences of any length L of 300-d vectors, <c>[Model(SequenceLength = "L", Input =
    /// InputKind.TokenIds)]</c> for sequences of token ids. The layer attributes that follow, in source order, form the network.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ModelAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="inputShape">The input shape without the batch dimension.</param>
        public ModelAttribute(params int[] inputShape) => InputShape = inputShape;

        /// <summary>The input shape without the batch dimension (after the sequence length, when it is symbolic).</summary>
        public int[] InputShape { get; }

        /// <summary>
        /// The name of a symbolic sequence length that comes before <see cref="InputShape"/>:
        /// <c>[Model(300, SequenceLength = "L")]</c> takes N×L×300 batches of any length L, and every
        /// shape prints it by name (<c>L×300</c>). An identifier; unset (null) for a fixed-size input.
        /// </summary>
        public string? SequenceLength { get; set; }

        /// <summary>What the input holds: floats (default) or token ids, which only <c>Embedding</c> takes.</summary>
        public InputKind Input { get; set; } = InputKind.Float;

        /// <summary>
        /// Train with libtorch's autograd rather than the generated backward. By default a trainable
        /// model whose every layer has a backward rule computes its gradients with the generated
        /// <c>Backward</c> (no autograd graph is recorded); set this to compare, or to rule the generated
        /// code out. The generated <c>GeneratedBackward</c> property switches at run time.
        /// </summary>
        public bool Autograd { get; set; }
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
        /// <summary>
        /// The layer's name: its field and so its state_dict prefix (<c>Name = "conv1"</c> gives the keys
        /// <c>conv1.weight</c>, <c>conv1.bias</c>). A C# identifier, unique in its model or block; unnamed
        /// layers are numbered per kind (<c>conv1</c>, <c>conv2</c>, <c>fc1</c>), skipping the names taken.
        /// </summary>
        public string? Name { get; set; }
    }
}

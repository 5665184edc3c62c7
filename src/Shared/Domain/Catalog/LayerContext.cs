using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// What a shape rule sees of the model around a layer (its input and where it came from) and
    /// where it reports what breaks. Messages name the layer as written and the numbers.
    /// </summary>
    internal sealed class LayerContext
    {
        private readonly List<ModelProblem> _problems;

        public LayerContext(int index, EquatableArray<int> input, bool channelsFirst, LayerSpec? previous, List<ModelProblem> problems, string? lengthName = null, string? firstSource = null)
        {
            Index = index;
            Input = input;
            ChannelsFirst = channelsFirst;
            LengthName = lengthName ?? Shape.DefaultLengthName;
            _problems = problems;
            Source = previous is null
                ? $"{firstSource ?? "the model input"} is {Shape.Format(input, lengthName)}"
                : $"{previous.Display} above it produces {Shape.Format(input, lengthName)}";
        }

        /// <summary>The layers above this one in the same model or block, for a step that applies one of them again.</summary>
        public IReadOnlyList<LayerPlan> Earlier { get; init; } = System.Array.Empty<LayerPlan>();

        /// <summary>The layer's position in the model (0-based).</summary>
        public int Index { get; }

        /// <summary>The per-sample input shape.</summary>
        public EquatableArray<int> Input { get; }

        /// <summary>
        /// Whether the input's first dimension is channels (a C×H×W model input, or the output of a
        /// convolution, pool or batch norm) rather than positions of a sequence (L×F).
        /// </summary>
        public bool ChannelsFirst { get; }

        /// <summary>The name of the model's symbolic sequence length (<see cref="Shape.Symbolic"/> in a shape), for messages: <c>L</c>.</summary>
        public string LengthName { get; }

        /// <summary>A shape for messages, the symbolic length printed by name: <c>L×300</c>.</summary>
        public string Format(EquatableArray<int> shape) => Shape.Format(shape, LengthName);

        /// <summary>Where the input comes from, for messages: <c>MaxPool2d(2) above it produces 16×2×2</c>.</summary>
        public string Source { get; }

        /// <summary>A context for the same layer (same index, same problem list) on another input: a block's repetitions and branches.</summary>
        public LayerContext With(EquatableArray<int> input, bool channelsFirst) =>
            new(Index, input, channelsFirst, null, _problems, LengthName);

        /// <summary>Reports a problem that does not stop inference (a warning such as a stride remainder).</summary>
        public void Report(ProblemKind kind, string message, string? fix = null) =>
            _problems.Add(new ModelProblem(kind, ProblemTarget.Layer, Index, message) { Fix = fix });

        /// <summary>Reports a problem and returns null, for <c>return context.Fail(...)</c> in a shape rule.</summary>
        public LayerOutcome? Fail(ProblemKind kind, string message)
        {
            Report(kind, message);
            return null;
        }
    }
}

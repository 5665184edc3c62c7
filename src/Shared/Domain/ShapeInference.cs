using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Infers every layer's input and output shape and parameter count from a declaration, and
    /// finds what would fail (or silently lose data) at run time. Pure: no Roslyn, no TorchSharp.
    /// Inference stops at the first layer whose output cannot be known, so one mistake gives one
    /// error rather than a cascade.
    /// </summary>
    internal static class ShapeInference
    {
        public static ModelPlan Infer(ModelSpec spec)
        {
            var problems = new List<ModelProblem>();
            var layers = new List<LayerPlan>();

            bool inputValid = CheckInput(spec, problems);
            CheckTraining(spec, problems);

            if (spec.Layers.Count == 0)
            {
                problems.Add(new ModelProblem(ProblemKind.NoLayers, ProblemTarget.Model, -1, spec.HandWrittenForward
                    ? $"Model {spec.Name} writes its forward by hand but declares no layers, so it has nothing to register, size or count; declare the layers the forward uses as attributes ([Linear(10, Name = \"fc\")]) and call their fields"
                    : $"Model {spec.Name} declares no layers; add layer attributes such as [Linear(10)] after [Model]"));
            }

            bool namesValid = LayerNames.Check(spec.Layers, null, (index, kind, message) => problems.Add(new ModelProblem(kind, ProblemTarget.Layer, index, message)), $"model {spec.Name}");

            long total = 0;
            if (inputValid && namesValid)
            {
                var names = new FieldNames(spec.Layers);
                EquatableArray<int> shape = spec.InputShape;
                bool channelsFirst = spec.InputShape.Count >= 3;
                bool tokenIds = spec.Input == InputKindSpec.TokenIds;
                LayerSpec? previous = null;
                for (int i = 0; i < spec.Layers.Count; i++)
                {
                    LayerSpec layer = spec.Layers[i];
                    if (layer is SegmentSpec && !spec.HandWrittenForward)
                    {
                        problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Layer, i,
                            $"{layer.Display} restarts the shapes, which only a hand-written forward can follow; {spec.Name}'s forward is generated as a stack, so remove the segment or write forward(Tensor) yourself"));
                        break;
                    }

                    if (layer is not SegmentSpec && !CheckInputKind(spec, layer, i, shape, tokenIds, previous, problems))
                    {
                        break;
                    }

                    LayerPlan? plan = InferLayer(layer, i, shape, channelsFirst, previous, names, problems, spec.SequenceLength, layers);
                    if (plan is null)
                    {
                        break;
                    }

                    // Hostile sizes can make the total overflow; the generated ParameterCount is a long.
                    if (plan.Parameters > long.MaxValue - total)
                    {
                        problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Layer, i,
                            $"{layer.Display} brings the parameter count of {spec.Name} past {Numbers.Grouped(long.MaxValue)}, more than a 64-bit count can hold"));
                        break;
                    }

                    total += plan.Parameters;

                    layers.Add(plan);
                    shape = plan.OutputShape;
                    channelsFirst = plan.ChannelsFirst;
                    tokenIds = layer is SegmentSpec { TokenIds: true };
                    previous = layer;
                }
            }

            if (spec.Loss is not null && spec.Optimizer is not null && spec.Layers.Count > 0 && layers.Count == spec.Layers.Count && total == 0)
            {
                problems.Add(new ModelProblem(ProblemKind.NothingToTrain, ProblemTarget.Optimizer, -1,
                    $"{spec.Optimizer.Display} has nothing to optimize: no layer of {spec.Name} has a trainable parameter, so {spec.Name} gets no TrainStep"));
            }

            if (spec.Layers.Count > 0 && layers.Count == spec.Layers.Count)
            {
                InitializerRules.Check(spec, layers, problems);
            }

            return new ModelPlan(spec, new EquatableArray<LayerPlan>(layers), new EquatableArray<ModelProblem>(problems));
        }

        private static bool CheckInput(ModelSpec spec, List<ModelProblem> problems)
        {
            if (spec.InputShape.Count == 0)
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                    $"Model {spec.Name} needs the input shape without the batch dimension, e.g. [Model(1, 28, 28)] or [Model(64)]"));
                return false;
            }

            if (spec.SequenceLength is not null && !IsLengthName(spec.SequenceLength))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                    $"Model {spec.Name}: the sequence length needs a name that is an identifier, such as [Model(300, SequenceLength = \"L\")], got {Quoted(spec.SequenceLength)}"));
                return false;
            }

            if (spec.Input is not (InputKindSpec.Float or InputKindSpec.TokenIds))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                    $"Model {spec.Name}: Input must be InputKind.Float or InputKind.TokenIds, got {(int)spec.Input}"));
                return false;
            }

            for (int d = 0; d < spec.InputShape.Count; d++)
            {
                if (d == 0 && spec.SequenceLength is not null)
                {
                    continue;
                }

                if (spec.InputShape[d] <= 0)
                {
                    problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                        $"Model {spec.Name}: every input dimension must be positive, but dimension {d + 1} of ({string.Join(", ", spec.InputShape)}) is {spec.InputShape[d]}"));
                    return false;
                }
            }

            if (spec.Input == InputKindSpec.TokenIds && spec.InputShape.Count != 1)
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                    $"Model {spec.Name} takes token ids, one per position, so its input is a sequence of length L alone, but it declares {Shape.Format(spec.InputShape, spec.SequenceLength)}; declare [Model(SequenceLength = \"L\", Input = InputKind.TokenIds)] or a fixed length such as [Model(35, Input = InputKind.TokenIds)]"));
                return false;
            }

            return true;
        }

        /// <summary>A name that reads well in shapes and is safe in generated comments and strings: a C# identifier.</summary>
        private static bool IsLengthName(string name)
        {
            if (name.Length == 0 || name.Length > 64 || !(char.IsLetter(name[0]) || name[0] == '_'))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_') || c > 127)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Quoted(string text) => "\"" + (text.Length > 64 ? text.Substring(0, 64) + "…" : text).Replace("\r", "\\r").Replace("\n", "\\n") + "\"";

        /// <summary>
        /// Token ids go to Embedding and nowhere else; a tensor whose size depends on the symbolic
        /// length goes only to layers that take one. Generic, so entries need no code for it.
        /// </summary>
        private static bool CheckInputKind(ModelSpec spec, LayerSpec layer, int index, EquatableArray<int> input, bool tokenIds, LayerSpec? previous, List<ModelProblem> problems)
        {
            string source = previous is null
                ? $"the model input of {spec.Name} is {Shape.Format(input, spec.SequenceLength)}"
                : $"{previous.Display} above it produces {Shape.Format(input, spec.SequenceLength)}";
            if (tokenIds && !layer.Entry.TakesTokenIds)
            {
                problems.Add(new ModelProblem(ProblemKind.InputKindMismatch, ProblemTarget.Layer, index,
                    $"{layer.Display} cannot take token ids: the model input of {spec.Name} is token ids (int64) of shape {Shape.Format(input, spec.SequenceLength)}; start the model with [Embedding(vocabulary, dimension)] to turn them into vectors"));
                return false;
            }

            if (!tokenIds && layer.Entry.TakesTokenIds)
            {
                problems.Add(new ModelProblem(ProblemKind.InputKindMismatch, ProblemTarget.Layer, index,
                    $"{layer.Display} needs token ids (int64) but {source} (float32); declare the input as token ids with [Model(SequenceLength = \"L\", Input = InputKind.TokenIds)] and put {layer.Kind} first"));
                return false;
            }

            if (Shape.HasSymbolic(input) && !layer.Entry.AcceptsSymbolicLength(layer, input))
            {
                string length = spec.SequenceLength ?? Shape.DefaultLengthName;
                problems.Add(new ModelProblem(ProblemKind.SymbolicLength, ProblemTarget.Layer, index,
                    $"{layer.Display} needs every input size known but {source}, where {length} is the symbolic sequence length; reduce the sequence first (a recurrent layer with ReturnSequences = false) or declare a fixed length in [Model]"));
                return false;
            }

            return true;
        }

        private static void CheckTraining(ModelSpec spec, List<ModelProblem> problems)
        {
            if (spec.Optimizer is not null)
            {
                foreach (string message in TrainingRules.Check(spec.Optimizer))
                {
                    problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Optimizer, -1, message));
                }
            }

            if (spec.Loss is not null && spec.Optimizer is null)
            {
                problems.Add(new ModelProblem(ProblemKind.IncompleteTraining, ProblemTarget.Loss, -1,
                    $"{spec.Loss.Display} is declared without an [Optimizer]; {spec.Name} gets no TrainStep until both are declared"));
            }
            else if (spec.Optimizer is not null && spec.Loss is null)
            {
                problems.Add(new ModelProblem(ProblemKind.IncompleteTraining, ProblemTarget.Optimizer, -1,
                    $"{spec.Optimizer.Display} is declared without a [Loss]; {spec.Name} gets no TrainStep until both are declared"));
            }
        }

        private static LayerPlan? InferLayer(LayerSpec layer, int index, EquatableArray<int> input, bool channelsFirst, LayerSpec? previous, FieldNames names, List<ModelProblem> problems, string? lengthName, IReadOnlyList<LayerPlan> earlier)
        {
            bool argumentsValid = true;
            foreach (string message in layer.Entry.Check(layer))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Layer, index, message));
                argumentsValid = false;
            }

            if (!argumentsValid)
            {
                return null;
            }

            LayerOutcome? outcome = layer.Entry.Infer(layer, new LayerContext(index, input, channelsFirst, previous, problems, lengthName) { Earlier = earlier });
            return outcome is null
                ? null
                : new LayerPlan(layer, names.Next(layer), input, outcome.OutputShape, outcome.InFeatures, outcome.Counts)
                {
                    ChannelsFirst = outcome.ChannelsFirst ?? (channelsFirst && outcome.OutputShape.Count >= 2),
                    Topology = outcome.Topology,
                };
        }
    }
}

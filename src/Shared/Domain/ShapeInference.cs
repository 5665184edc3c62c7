using System;
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
                problems.Add(new ModelProblem(ProblemKind.NoLayers, ProblemTarget.Model, -1,
                    $"Model {spec.Name} declares no layers; add layer attributes such as [Linear(10)] after [Model]"));
            }

            long total = 0;
            if (inputValid)
            {
                var names = new FieldNames();
                EquatableArray<int> shape = spec.InputShape;
                LayerSpec? previous = null;
                for (int i = 0; i < spec.Layers.Count; i++)
                {
                    LayerSpec layer = spec.Layers[i];
                    LayerPlan? plan = InferLayer(layer, i, shape, previous, names, problems);
                    if (plan is null)
                    {
                        break;
                    }

                    // Hostile sizes can make the total overflow; the generated ParameterCount is a long.
                    if (plan.Parameters > long.MaxValue - total)
                    {
                        problems.Add(Problem(ProblemKind.InvalidArgument, i,
                            $"{layer.Display} brings the parameter count of {spec.Name} past {Numbers.Grouped(long.MaxValue)}, more than a 64-bit count can hold"));
                        break;
                    }

                    total += plan.Parameters;

                    layers.Add(plan);
                    shape = plan.OutputShape;
                    previous = layer;
                }
            }

            if (spec.Loss is not null && spec.Optimizer is not null && spec.Layers.Count > 0 && layers.Count == spec.Layers.Count && total == 0)
            {
                problems.Add(new ModelProblem(ProblemKind.NothingToTrain, ProblemTarget.Optimizer, -1,
                    $"{spec.Optimizer.Display} has nothing to optimize: no layer of {spec.Name} has a trainable parameter, so {spec.Name} gets no TrainStep"));
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

            for (int d = 0; d < spec.InputShape.Count; d++)
            {
                if (spec.InputShape[d] <= 0)
                {
                    problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                        $"Model {spec.Name}: every input dimension must be positive, but dimension {d + 1} of ({string.Join(", ", spec.InputShape)}) is {spec.InputShape[d]}"));
                    return false;
                }
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

        private static LayerPlan? InferLayer(LayerSpec layer, int index, EquatableArray<int> input, LayerSpec? previous, FieldNames names, List<ModelProblem> problems)
        {
            bool argumentsValid = true;
            foreach (string message in ArgumentRules.Check(layer))
            {
                problems.Add(Problem(ProblemKind.InvalidArgument, index, message));
                argumentsValid = false;
            }

            if (!argumentsValid)
            {
                return null;
            }

            string source = previous is null
                ? $"the model input is {Shape.Format(input)}"
                : $"{previous.Display} above it produces {Shape.Format(input)}";

            switch (layer.Kind)
            {
                case LayerKind.Linear:
                {
                    if (input.Count != 1)
                    {
                        var applied = new List<int>(input) { [input.Count - 1] = layer.Size };
                        problems.Add(Problem(ProblemKind.LinearNeedsFlatten, index,
                            $"{layer.Display} needs flat features but {source}; add [Flatten] above it (Linear would act on the last dimension only and produce {Shape.Format(new EquatableArray<int>(applied))})"));
                        return null;
                    }

                    int inFeatures = input[0];
                    long parameters = checked(((long)inFeatures * layer.Size) + (layer.Bias ? layer.Size : 0));
                    return Plan(layer, names, input, Shape1(layer.Size), inFeatures, parameters);
                }

                case LayerKind.Conv2d:
                case LayerKind.MaxPool2d:
                case LayerKind.AvgPool2d:
                    return InferWindow(layer, index, input, source, names, problems);

                case LayerKind.Flatten:
                {
                    long elements = Shape.Elements(input);
                    if (elements > int.MaxValue)
                    {
                        problems.Add(Problem(ProblemKind.InvalidArgument, index,
                            $"{layer.Display}: {source}, which flattens to {Numbers.Format(elements)} features, more than a dimension can hold"));
                        return null;
                    }

                    return Plan(layer, names, input, Shape1((int)elements), 0, 0);
                }

                case LayerKind.BatchNorm1d:
                    if (input.Count is not (1 or 2))
                    {
                        problems.Add(Problem(ProblemKind.RankMismatch, index,
                            $"{layer.Display} needs F features or a C×L sequence but {source}; use BatchNorm2d for a C×H×W feature map"));
                        return null;
                    }

                    return Plan(layer, names, input, input, input[0], 2L * input[0]);

                case LayerKind.BatchNorm2d:
                    if (input.Count != 3)
                    {
                        problems.Add(Problem(ProblemKind.RankMismatch, index,
                            $"{layer.Display} needs a C×H×W feature map but {source}; use BatchNorm1d for flat features"));
                        return null;
                    }

                    return Plan(layer, names, input, input, input[0], 2L * input[0]);

                case LayerKind.Softmax:
                case LayerKind.LogSoftmax:
                {
                    int rank = input.Count + 1;
                    if (layer.Dim < -rank || layer.Dim >= rank)
                    {
                        problems.Add(Problem(ProblemKind.InvalidArgument, index,
                            $"{layer.Display}: Dim must be in [{-rank}, {rank - 1}] for a batch of {Shape.Format(input)}, got {layer.Dim}"));
                        return null;
                    }

                    return Plan(layer, names, input, input, 0, 0);
                }

                default:
                    // Dropout and the element-wise activations keep the shape and learn nothing.
                    return Plan(layer, names, input, input, 0, 0);
            }
        }

        private static LayerPlan? InferWindow(LayerSpec layer, int index, EquatableArray<int> input, string source, FieldNames names, List<ModelProblem> problems)
        {
            if (input.Count != 3)
            {
                problems.Add(Problem(ProblemKind.RankMismatch, index,
                    $"{layer.Display} needs a C×H×W feature map but {source}"));
                return null;
            }

            bool isConv = layer.Kind == LayerKind.Conv2d;
            Pair dilation = isConv ? layer.Dilation : Pair.Square(1);
            AxisResult height = Axis(input[1], layer.Kernel.Height, layer.Stride.Height, layer.Padding.Height, dilation.Height);
            AxisResult width = Axis(input[2], layer.Kernel.Width, layer.Stride.Width, layer.Padding.Width, dilation.Width);

            if (height.Output <= 0 || width.Output <= 0)
            {
                long minHeight = Math.Max(1, height.Span - (2L * layer.Padding.Height));
                long minWidth = Math.Max(1, width.Span - (2L * layer.Padding.Width));
                AxisResult broken = height.Output <= 0 ? height : width;
                string axis = height.Output <= 0 ? "height" : "width";
                problems.Add(Problem(ProblemKind.EmptyOutput, index,
                    $"{layer.Display} needs an input of at least {minHeight}×{minWidth} but {source}: {axis} = {broken.Formula} = {broken.Output}"));
                return null;
            }

            if (height.Output > int.MaxValue || width.Output > int.MaxValue)
            {
                problems.Add(Problem(ProblemKind.InvalidArgument, index,
                    $"{layer.Display}: the padding makes the output larger than a dimension can hold"));
                return null;
            }

            foreach ((AxisResult result, string axis) in new[] { (height, "height"), (width, "width") })
            {
                if (result.Remainder != 0)
                {
                    problems.Add(Problem(ProblemKind.StrideRemainder, index,
                        $"{layer.Display}: {source}, and on the {axis} axis {result.Numerator} is not a multiple of the stride {result.Stride} ({axis} = {result.Formula} = {result.Output}); {(result.Remainder == 1 ? $"the last {(axis == "height" ? "row" : "column")} of the padded input is never read" : $"the last {result.Remainder} {(axis == "height" ? "rows" : "columns")} of the padded input are never read")}"));
                }
            }

            int channels = isConv ? layer.Size : input[0];
            var output = new EquatableArray<int>(new[] { channels, (int)height.Output, (int)width.Output });
            long parameters = 0;
            if (isConv)
            {
                long weights = Numbers.SaturatingProduct(layer.Size, input[0], layer.Kernel.Height, layer.Kernel.Width);
                if (weights > long.MaxValue - layer.Size)
                {
                    problems.Add(Problem(ProblemKind.InvalidArgument, index,
                        $"{layer.Display}: {source}, which needs more weights than a 64-bit count can hold"));
                    return null;
                }

                parameters = weights + (layer.Bias ? layer.Size : 0);
            }
            return Plan(layer, names, input, output, isConv ? input[0] : 0, parameters);
        }

        /// <summary>out = floor((W + 2P − D·(F − 1) − 1) / S) + 1, shown as floor((W − F + 2P) / S) + 1 when D = 1.</summary>
        private static AxisResult Axis(int size, int kernel, int stride, int padding, int dilation)
        {
            long span = ((long)dilation * (kernel - 1)) + 1;
            long numerator = size + (2L * padding) - span;
            long output = FloorDiv(numerator, stride) + 1;
            string formula = dilation == 1
                ? $"floor(({size} − {kernel} + 2·{padding}) / {stride}) + 1"
                : $"floor(({size} + 2·{padding} − {dilation}·({kernel} − 1) − 1) / {stride}) + 1";
            long remainder = numerator >= 0 ? numerator % stride : 0;
            return new AxisResult(output, span, numerator, stride, remainder, formula);
        }

        private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

        private static LayerPlan Plan(LayerSpec layer, FieldNames names, EquatableArray<int> input, EquatableArray<int> output, int inFeatures, long parameters) =>
            new(layer, names.Next(layer.Kind), input, output, inFeatures, parameters);

        private static EquatableArray<int> Shape1(int size) => new(new[] { size });

        private static ModelProblem Problem(ProblemKind kind, int index, string message) =>
            new(kind, ProblemTarget.Layer, index, message);

        private readonly record struct AxisResult(long Output, long Span, long Numerator, int Stride, long Remainder, string Formula);
    }
}

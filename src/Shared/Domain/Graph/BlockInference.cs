using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Shape inference through one block instance: its layers in order, the residual sum where
    /// the block has a shortcut (identity or torchvision's projection), each layer through its
    /// catalog entry. Problems inside the block are reported at the use (the attribute in the
    /// model that instantiates it), their messages prefixed with the use and the block.
    /// </summary>
    internal static class BlockInference
    {
        /// <summary>Infers <paramref name="block"/> on the context's input, or returns null after reporting why it cannot take it.</summary>
        /// <param name="block">The instance.</param>
        /// <param name="where">The use and the block for messages: <c>Repeat&lt;BasicBlock&gt;(2, Width = 64), repetition 1 of BasicBlock</c>.</param>
        /// <param name="outer">The context of the use.</param>
        public static BlockPlan? Infer(BlockSpec block, string where, LayerContext outer)
        {
            var problems = new List<ModelProblem>();
            BlockPlan? plan = InferBody(block, outer.Input, outer.ChannelsFirst, outer.LengthName, problems);
            foreach (ModelProblem problem in problems)
            {
                outer.Report(problem.Kind, $"{where}: {problem.Message}");
            }

            return plan;
        }

        private static BlockPlan? InferBody(BlockSpec block, EquatableArray<int> input, bool channelsFirst, string lengthName, List<ModelProblem> problems)
        {
            var plans = new List<LayerPlan>();
            var projection = new List<LayerPlan>();
            if (!LayerNames.Check(block.Body, block.Shortcut?.FieldName, (_, kind, message) => problems.Add(new ModelProblem(kind, ProblemTarget.Layer, 0, message)), $"block {block.Name}"))
            {
                return null;
            }

            string[] names = FieldNames.Of(block.Body);
            EquatableArray<int> shape = input;
            bool first = channelsFirst;
            LayerSpec? previous = null;
            string firstSource = $"the input of {block.Name}";
            for (int i = 0; i <= block.Body.Count; i++)
            {
                if (block.Shortcut is ShortcutSpec shortcut && shortcut.At == i)
                {
                    if (!Shortcut(block, shortcut, input, channelsFirst, shape, lengthName, projection, problems))
                    {
                        return null;
                    }
                }

                if (i == block.Body.Count)
                {
                    break;
                }

                LayerSpec layer = block.Body[i];
                string source = previous is null ? $"{firstSource} is {Shape.Format(shape, lengthName)}" : $"{previous.Display} above it produces {Shape.Format(shape, lengthName)}";
                if (layer.Entry.TakesTokenIds)
                {
                    problems.Add(new ModelProblem(ProblemKind.InputKindMismatch, ProblemTarget.Layer, 0,
                        $"{layer.Display} needs token ids (int64) but {source} (float32); a block takes the float output of the layer above its use, so put {layer.Kind} in the model, before the block"));
                    return null;
                }

                if (Shape.HasSymbolic(shape) && !layer.Entry.AcceptsSymbolicLength(layer, shape))
                {
                    problems.Add(new ModelProblem(ProblemKind.SymbolicLength, ProblemTarget.Layer, 0,
                        $"{layer.Display} needs every input size known but {source}, where {lengthName} is the symbolic sequence length; reduce the sequence before the block or declare a fixed length in [Model]"));
                    return null;
                }

                bool valid = true;
                foreach (string message in layer.Entry.Check(layer))
                {
                    problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Layer, 0, message));
                    valid = false;
                }

                if (!valid)
                {
                    return null;
                }

                LayerOutcome? outcome = layer.Entry.Infer(layer, new LayerContext(0, shape, first, previous, problems, lengthName, firstSource) { Earlier = plans });
                if (outcome is null)
                {
                    return null;
                }

                var plan = new LayerPlan(layer, names[i], shape, outcome.OutputShape, outcome.InFeatures, outcome.Counts)
                {
                    ChannelsFirst = outcome.ChannelsFirst ?? (first && outcome.OutputShape.Count >= 2),
                    Topology = outcome.Topology,
                };
                plans.Add(plan);
                shape = plan.OutputShape;
                first = plan.ChannelsFirst;
                previous = layer;
            }

            return new BlockPlan(block, new EquatableArray<LayerPlan>(plans), new EquatableArray<LayerPlan>(projection), input, shape);
        }

        /// <summary>
        /// The residual sum: the body's output <paramref name="body"/> plus the input (identity) or
        /// its projection, a 1×1 convolution with the stride that maps the input's sizes onto the
        /// body's (no bias) and batch norm, as torchvision's <c>downsample</c>.
        /// </summary>
        private static bool Shortcut(BlockSpec block, ShortcutSpec shortcut, EquatableArray<int> input, bool channelsFirst, EquatableArray<int> body, string lengthName, List<LayerPlan> projection, List<ModelProblem> problems)
        {
            bool equal = input.Equals(body);
            string shapes = $"the residual body of {block.Name} produces {Shape.Format(body, lengthName)} but its input is {Shape.Format(input, lengthName)}";
            if (shortcut.Projection == ShortcutProjectionSpec.Identity || (shortcut.Projection == ShortcutProjectionSpec.Auto && equal))
            {
                if (!equal)
                {
                    problems.Add(new ModelProblem(ProblemKind.ResidualMismatch, ProblemTarget.Layer, 0,
                        $"{shapes}, and {shortcut.Display} adds the input itself; give the body the input's shape (width and stride) or let the shortcut project (ShortcutProjection.Auto)"));
                    return false;
                }

                return true;
            }

            int rank = input.Count - 1;
            if (!channelsFirst || rank < 1 || rank > 3 || body.Count != input.Count || Shape.HasSymbolic(input))
            {
                problems.Add(new ModelProblem(ProblemKind.ResidualMismatch, ProblemTarget.Layer, 0,
                    $"{shapes}; a projection shortcut (1×1 convolution and batch norm) needs channel-first maps of the same rank (C×L, C×H×W or C×D×H×W), so the two cannot be added; keep the body's output at the input's shape"));
                return false;
            }

            int stride = ProjectionStride(input, body);
            if (stride < 1)
            {
                problems.Add(new ModelProblem(ProblemKind.ResidualMismatch, ProblemTarget.Layer, 0,
                    $"{shapes}; no stride of a 1×1 convolution maps {Shape.Format(input, lengthName)} onto {Shape.Format(body, lengthName)}, so the two cannot be added; make the body's spatial sizes the input's divided by one stride"));
                return false;
            }

            LayerCatalog.TryFind($"Conv{rank}dAttribute", out LayerEntry conv);
            LayerCatalog.TryFind($"BatchNorm{rank}dAttribute", out LayerEntry norm);
            string convDisplay = $"Conv{rank}d({body[0]}, Kernel = 1, Stride = {stride}, Bias = false)";
            LayerSpec convSpec = conv.Read(new DeclaredArguments(
                convDisplay,
                new object?[] { body[0] },
                new[]
                {
                    new KeyValuePair<string, object?>("Kernel", 1),
                    new KeyValuePair<string, object?>("Stride", stride),
                    new KeyValuePair<string, object?>("Bias", false),
                }));
            LayerSpec normSpec = norm.Read(new DeclaredArguments($"BatchNorm{rank}d", new object?[0], new KeyValuePair<string, object?>[0]));
            LayerOutcome? convOutcome = conv.Infer(convSpec, new LayerContext(0, input, true, null, problems, lengthName, $"the input of {block.Name}"));
            if (convOutcome is null || !convOutcome.OutputShape.Equals(body))
            {
                return false;
            }

            LayerOutcome? normOutcome = norm.Infer(normSpec, new LayerContext(0, body, true, convSpec, problems, lengthName));
            if (normOutcome is null)
            {
                return false;
            }

            projection.Add(new LayerPlan(convSpec, "0", input, body, convOutcome.InFeatures, convOutcome.Counts) { ChannelsFirst = true });
            projection.Add(new LayerPlan(normSpec, "1", body, body, normOutcome.InFeatures, normOutcome.Counts) { ChannelsFirst = true });
            return true;
        }

        /// <summary>The stride s with floor((size − 1) / s) + 1 = the body's size on every spatial axis, or 0.</summary>
        private static int ProjectionStride(EquatableArray<int> input, EquatableArray<int> body)
        {
            // floor((n − 1) / s) = o − 1 holds for s in ((n − 1) / o, (n − 1) / (o − 1)]; the largest
            // such s is the candidate, checked on every axis (no search: sizes may be hostile).
            long candidate = 0;
            for (int axis = 1; axis < input.Count; axis++)
            {
                if (input[axis] <= 0 || body[axis] <= 0)
                {
                    return 0;
                }

                long n = input[axis], o = body[axis];
                long largest = o == 1 ? n : (n - 1) / (o - 1);
                candidate = candidate == 0 ? largest : System.Math.Min(candidate, largest);
            }

            if (candidate < 1 || candidate > int.MaxValue)
            {
                return 0;
            }

            for (int axis = 1; axis < input.Count; axis++)
            {
                if (((input[axis] - 1L) / candidate) + 1 != body[axis])
                {
                    return 0;
                }
            }

            return (int)candidate;
        }

        /// <summary>The sum of the counts of a block's layers and projection, nested blocks included.</summary>
        public static LayerCounts Counts(BlockPlan block)
        {
            LayerCounts total = LayerCounts.None;
            foreach (LayerPlan layer in block.Body)
            {
                total = Add(total, layer.Counts);
            }

            foreach (LayerPlan layer in block.Projection)
            {
                total = Add(total, layer.Counts);
            }

            return total;
        }

        /// <summary>Adds counts, saturating.</summary>
        public static LayerCounts Add(LayerCounts a, LayerCounts b) => new(
            Numbers.SaturatingSum(a.Parameters, b.Parameters),
            Numbers.SaturatingSum(a.Buffers, b.Buffers),
            Numbers.SaturatingSum(a.MultAdds, b.MultAdds),
            Numbers.SaturatingSum(a.WeightMultAdds, b.WeightMultAdds));
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    /// <summary>
    /// The generated gradients of the block instances a model goes through: per distinct instance
    /// (<see cref="BackwardScope"/>) a tape class, a training forward and a <c>Backward</c>, written
    /// like the model's own: the block's layers in order, then in reverse, one commented step per
    /// layer. At a residual sum δ goes to both the body and the shortcut (the identity, or the
    /// projection's convolution and batch norm through their rules), and the two input gradients
    /// add. Nested blocks and branches call their own instance's methods. The code of each layer
    /// comes from its catalog entry; this file names no kind.
    /// </summary>
    internal static partial class ModelEmitter
    {
        /// <summary>The block's own fields are reached through this parameter of the instance's methods.</summary>
        private const string BlockParameter = "block";

        /// <summary>One step of an instance's training forward: a layer (of the body or of the projection shortcut) or the residual sum.</summary>
        /// <param name="Layer">The layer, its field resolved for the instance's methods; null for the sum.</param>
        /// <param name="Names">The layer's names (its index alone for the sum).</param>
        /// <param name="Label">The comment's label: the attribute, or <c>downsample.0: Conv2d(…)</c> for the projection.</param>
        private sealed record BlockStep(LayerPlan? Layer, BackwardNames Names, string Label)
        {
            /// <summary>For the sum: the tape index of the body's output and of the shortcut's (0: the identity, the block's input).</summary>
            public (int Body, int Shortcut) Sum { get; init; }
        }

        private static void WriteBlockScopes(BackwardScopes scopes, string? length, IndentedWriter writer)
        {
            // Writing a scope's tape registers the blocks nested in it, which are written after it.
            for (int i = 0; i < scopes.All.Count; i++)
            {
                BackwardScope scope = scopes.All[i];
                List<BlockStep> steps = BlockSteps(scope, scopes);
                writer.WriteLine();
                WriteBlockTape(scope, steps, writer);
                writer.WriteLine();
                WriteBlockTrainingForward(scope, steps, length, writer);
                writer.WriteLine();
                WriteBlockBackward(scope, steps, length, writer);
            }
        }

        /// <summary>
        /// The steps in the order the forward runs them, numbered as the tape's xᵢ: the body up to the
        /// sum, the projection (which reads the block's input x0), the sum, the rest of the body.
        /// </summary>
        private static List<BlockStep> BlockSteps(BackwardScope scope, BackwardScopes scopes)
        {
            BlockPlan block = scope.Block;
            ShortcutSpec? shortcut = block.Block.Shortcut;
            var steps = new List<BlockStep>();
            int index = 0;
            for (int j = 0; j <= block.Body.Count; j++)
            {
                if (shortcut is not null && shortcut.At == j)
                {
                    int body = index;
                    for (int p = 0; p < block.Projection.Count; p++)
                    {
                        LayerPlan layer = block.Projection[p];
                        string local = ProjectionLocal(shortcut, p);
                        index++;
                        var names = new BackwardNames(index, local, p > 0 || scope.NeedsInputGradient) { Scopes = scopes, Grad = "gs" };
                        if (p == 0)
                        {
                            names = names with { Input = $"{BackwardNames.Tape}.x0" };
                        }

                        string label = $"{shortcut.FieldName}.{p.ToString(CultureInfo.InvariantCulture)}: {layer.Spec.Display}";
                        steps.Add(new BlockStep(layer with { FieldName = local }, names, label));
                    }

                    int projected = block.Projection.Count == 0 ? 0 : index;
                    index++;
                    steps.Add(new BlockStep(null, new BackwardNames(index, string.Empty, true) { Scopes = scopes }, shortcut.Display) { Sum = (body, projected) });
                }

                if (j == block.Body.Count)
                {
                    break;
                }

                LayerPlan bodyLayer = block.Body[j];
                index++;
                string field = $"{BlockParameter}.{bodyLayer.Entry.ParameterField(bodyLayer)}";
                var bodyNames = new BackwardNames(index, field, index > 1 || scope.NeedsInputGradient) { Scopes = scopes };
                steps.Add(new BlockStep(bodyLayer with { FieldName = $"{BlockParameter}.{bodyLayer.FieldName}" }, bodyNames, bodyLayer.Spec.Display));
            }

            return steps;
        }

        private static string ProjectionLocal(ShortcutSpec shortcut, int p) => shortcut.FieldName + p.ToString(CultureInfo.InvariantCulture);

        private static string Describe(BackwardScope scope, string? length)
        {
            BlockPlan block = scope.Block;
            string shortcut = block.Block.Shortcut is null ? string.Empty : block.Projection.Count > 0 ? ", projection shortcut" : ", identity shortcut";
            return $"block {block.Block.Name} ({CSharp.Batched(block.InputShape, length)} → {CSharp.Batched(block.OutputShape, length)}{shortcut})";
        }

        private static void WriteBlockTape(BackwardScope scope, List<BlockStep> steps, IndentedWriter writer)
        {
            writer.WriteLine($"/// <summary>What the training forward of {CSharp.Xml(Describe(scope, null))} keeps for its <c>Backward</c>, one per instance: its input x0, each step's output xᵢ and what a rule saves.</summary>");
            using (writer.Block($"private sealed class {scope.Tape}"))
            {
                writer.WriteLine($"public {CSharp.Tensor} x0 = null!;");
                foreach (BlockStep step in steps)
                {
                    if (step.Layer is LayerPlan layer)
                    {
                        WriteTapeFields(layer, step.Names, $"[{step.Label}]", writer);
                    }
                    else
                    {
                        writer.WriteLine($"public {CSharp.Tensor} x{step.Names.Index} = null!; // [{step.Label}]: x{step.Sum.Body} + x{step.Sum.Shortcut}");
                    }
                }
            }
        }

        private static void WriteProjectionLocals(BackwardScope scope, IndentedWriter writer)
        {
            if (scope.Block.Block.Shortcut is not ShortcutSpec shortcut)
            {
                return;
            }

            for (int p = 0; p < scope.Block.Projection.Count; p++)
            {
                LayerPlan layer = scope.Block.Projection[p];
                writer.WriteLine($"var {ProjectionLocal(shortcut, p)} = ({layer.Entry.FieldType(layer)}){BlockParameter}.{shortcut.FieldName}![{p.ToString(CultureInfo.InvariantCulture)}];");
            }
        }

        private static void WriteBlockTrainingForward(BackwardScope scope, List<BlockStep> steps, string? length, IndentedWriter writer)
        {
            writer.WriteLine($"/// <summary>The training forward of {CSharp.Xml(Describe(scope, length))}: its layers under the caller's no_grad, keeping on <paramref name=\"t\"/> what its <c>Backward</c> needs.</summary>");
            using (writer.Block($"private {CSharp.Tensor} TrainingForward({scope.Block.Block.TypeName} {BlockParameter}, {scope.Tape} t, {CSharp.Tensor} input)"))
            {
                WriteProjectionLocals(scope, writer);
                writer.WriteLine("t.x0 = input;");
                foreach (BlockStep step in steps)
                {
                    if (step.Layer is LayerPlan layer)
                    {
                        WriteLayerForward(layer, step.Names, step.Label, length, writer);
                    }
                    else
                    {
                        string shortcut = step.Sum.Shortcut == 0 ? "the input" : "its projection";
                        writer.WriteLine($"// [{step.Label}]  {CSharp.Batched(scope.Block.OutputShape, length)}: the residual sum, the body's output plus {shortcut}");
                        writer.WriteLine($"{step.Names.Output} = t.x{step.Sum.Body}.add(t.x{step.Sum.Shortcut});");
                    }
                }

                writer.WriteLine($"return t.x{steps.Count};");
            }
        }

        private static void WriteBlockBackward(BackwardScope scope, List<BlockStep> steps, string? length, IndentedWriter writer)
        {
            bool needs = scope.NeedsInputGradient;
            bool projects = scope.Block.Projection.Count > 0;
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// The backward of {CSharp.Xml(Describe(scope, length))}: from g = ∂L/∂output it walks the block's");
            writer.WriteLine(needs
                ? "/// steps in reverse, writing each parameter's <c>.grad</c>, and returns ∂L/∂input."
                : "/// steps in reverse, writing each parameter's <c>.grad</c> (its input is data: no ∂L/∂input).");
            writer.WriteLine("/// </summary>");
            string result = needs ? CSharp.Tensor : "void";
            using (writer.Block($"private {result} Backward({scope.Block.Block.TypeName} {BlockParameter}, {scope.Tape} t, {CSharp.Tensor} g)"))
            {
                WriteProjectionLocals(scope, writer);
                var written = new HashSet<string>(System.StringComparer.Ordinal);
                bool first = true;
                bool sum = false;
                for (int i = steps.Count - 1; i >= 0; i--)
                {
                    BlockStep step = steps[i];
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    if (step.Layer is LayerPlan layer)
                    {
                        WriteLayerBackward(layer, step.Names, step.Label, length, written, writer);
                        continue;
                    }

                    sum = true;
                    string shape = CSharp.Batched(scope.Block.OutputShape, length);
                    if (projects)
                    {
                        writer.WriteLine($"// [{step.Label}]  δ {shape}: the same δ goes to the body (g) and to the projection (gs); their input gradients add");
                        writer.WriteLine("var gs = g;");
                    }
                    else if (needs)
                    {
                        writer.WriteLine($"// [{step.Label}]  δ {shape}: the same δ goes to the body (g) and, unchanged, to the input (gs); the two add");
                        writer.WriteLine("var gs = g;");
                    }
                    else
                    {
                        writer.WriteLine($"// [{step.Label}]  δ {shape}: δ goes on to the body (the identity's share reaches the data: nothing to propagate)");
                    }
                }

                if (needs)
                {
                    writer.WriteLine();
                    writer.WriteLine(sum ? "// ∂L/∂input: the body's and the shortcut's" : "// ∂L/∂input");
                    writer.WriteLine(sum ? "return g.add(gs);" : "return g;");
                }
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    /// <summary>
    /// The generated gradients: a training forward that records no autograd graph and keeps what
    /// the rules need on a tape, and a <c>Backward</c> that walks the layers in reverse, one
    /// commented block per layer, from ∂L/∂ŷ to every parameter's <c>.grad</c>. The code of each
    /// block comes from the layer's catalog entry; this file names no kind.
    /// </summary>
    internal static partial class ModelEmitter
    {
        /// <summary>The switch between the generated backward and autograd, <c>ComputeGradients</c>, and their private core.</summary>
        private static void WriteGradientMembers(ModelPlan plan, IndentedWriter writer)
        {
            string name = CSharp.Literal(plan.Spec.Name);
            LossSpec loss = plan.Spec.Loss!;
            bool generated = BackwardRules.CanGenerate(plan);
            LayerPlan? blocker = BackwardRules.Blocker(plan);

            string? faster = generated && !plan.Spec.Autograd ? BackwardRules.FasterWithAutograd(plan) : null;
            if (faster is not null)
            {
                writer.WriteLine($"// Autograd by default: {faster}; set GeneratedBackward = true for the generated Backward below.");
            }

            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.GeneratedBackward\"/>");
            if (generated)
            {
                writer.WriteLine($"public bool GeneratedBackward {{ get; set; }} = {CSharp.Literal(!plan.Spec.Autograd && faster is null)};");
            }
            else
            {
                string reason = blocker is null
                    ? $"{plan.Spec.Name} has no generated backward"
                    : $"{plan.Spec.Name} has no generated backward: [{blocker.Spec.Display}] has no backward rule, so it trains with autograd";
                using (writer.Block("public bool GeneratedBackward"))
                {
                    writer.WriteLine("get => false;");
                    writer.WriteLine($"set {{ if (value) throw new global::System.NotSupportedException({CSharp.Literal(reason)}); }}");
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.ComputeGradients\"/>");
            using (writer.Block($"public float ComputeGradients({CSharp.Tensor} input, {CSharp.Tensor} target)"))
            {
                writer.WriteLine($"{TrainingNamespace}.StepGuard.ThrowIfDisposed(_disposed, {name});");
                writer.WriteLine("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                writer.WriteLine($"LossFunction.CheckBatch({name}, input, target, OutputShape);");
                writer.WriteLine("return ComputeGradientsCore(input, target, out _);");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Fills every parameter's gradient by the generated backward or by autograd; the caller holds the dispose scope.</summary>");
            using (writer.Block($"private float ComputeGradientsCore({CSharp.Tensor} input, {CSharp.Tensor} target, out {CSharp.Tensor} output)"))
            {
                if (generated)
                {
                    using (writer.Block("if (GeneratedBackward)"))
                    {
                        writer.WriteLine("using var noGrad = global::TorchSharp.torch.no_grad();");
                        writer.WriteLine("var t = new Tape();");
                        writer.WriteLine("output = TrainingForward(input, t);");
                        writer.WriteLine($"// {BackwardRules.LossFormula(loss)}");
                        writer.WriteLine("var (loss, g) = LossFunction.Backward(output, target);");
                        writer.WriteLine($"var value = {TrainingNamespace}.LossFunction.Value(loss);");
                        writer.WriteLine("Backward(t, g);");
                        if (loss.L1 > 0 || loss.L2 > 0)
                        {
                            writer.WriteLine($"// {PenaltyComment(loss)}: its gradient λ₂/m·w + λ₁/m·sign(w).");
                            writer.WriteLine("LossFunction.AddPenaltyGradient(parameters(), input.shape[0]);");
                        }

                        writer.WriteLine("return value;");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine("// Autograd accumulates into each parameter's existing .grad in place: its slice of the flat buffer.");
                writer.WriteLine("_flat?.AttachGradients();");
                writer.WriteLine("Optimizer.zero_grad();");
                writer.WriteLine("output = forward(input);");
                writer.WriteLine("var autogradLoss = LossFunction.forward(output, target);");
                writer.WriteLine($"var autogradValue = {TrainingNamespace}.LossFunction.Value(autogradLoss);");
                if (loss.L1 > 0 || loss.L2 > 0)
                {
                    writer.WriteLine($"// {PenaltyComment(loss)}: part of the objective, not of the reported loss.");
                    writer.WriteLine("var objective = autogradLoss + LossFunction.Penalty(parameters(), input.shape[0]);");
                    writer.WriteLine("objective.backward();");
                }
                else
                {
                    writer.WriteLine("autogradLoss.backward();");
                }

                writer.WriteLine("return autogradValue;");
            }

            if (generated)
            {
                var scopes = new BackwardScopes();
                writer.WriteLine();
                WriteTape(plan, scopes, writer);
                writer.WriteLine();
                WriteTrainingForward(plan, scopes, writer);
                writer.WriteLine();
                WriteBackward(plan, scopes, writer);
                WriteBlockScopes(scopes, plan.Spec.SequenceLength, writer);
            }
        }

        private static List<(LayerPlan Layer, BackwardNames Names)> BackwardLayers(ModelPlan plan, BackwardScopes scopes)
        {
            var layers = plan.Layers.Select((layer, i) => (layer, new BackwardNames(i + 1, layer.Entry.ParameterField(layer), NeedsInputGradient: i > 0) { Scopes = scopes })).ToList();
            for (int i = 1; i < layers.Count; i++)
            {
                // A lookup (LayerEntry.LookupTable) followed by a layer that multiplies its input by a
                // matrix: the follower multiplies the table and hands δ back per table row (TakesLookup).
                if (BackwardRules.ReadsLookup(plan, i))
                {
                    (LayerPlan lookup, BackwardNames lookupNames) = layers[i - 1];
                    (LayerPlan layer, BackwardNames names) = layers[i];
                    layers[i - 1] = (lookup, lookupNames with { GradPerTableRow = true });
                    layers[i] = (layer, names with { Lookup = new LookupInput(lookupNames.Input, lookupNames.Parameter(lookup.Entry.LookupTable(lookup)!)) });
                }
            }

            return layers;
        }

        private static void WriteTape(ModelPlan plan, BackwardScopes scopes, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>What the training forward keeps for <see cref=\"Backward\"/>: the input x0, the output xᵢ of each layer i, and what a rule saves (masks, indices, statistics).</summary>");
            using (writer.Block("private sealed class Tape"))
            {
                writer.WriteLine($"public {CSharp.Tensor} x0 = null!;");
                foreach ((LayerPlan layer, BackwardNames names) in BackwardLayers(plan, scopes))
                {
                    WriteTapeFields(layer, names, $"[{layer.Spec.Display}]", writer);
                }
            }
        }

        private static void WriteTrainingForward(ModelPlan plan, BackwardScopes scopes, IndentedWriter writer)
        {
            string? length = plan.Spec.SequenceLength;
            writer.WriteLine("/// <summary>The forward of a generated training step: the same layers as <see cref=\"forward\"/>, run under no_grad (no autograd graph), keeping on the tape what <see cref=\"Backward\"/> needs.</summary>");
            using (writer.Block($"private {CSharp.Tensor} TrainingForward({CSharp.Tensor} input, Tape t)"))
            {
                string guard = plan.Spec.Input == InputKindSpec.TokenIds ? "CheckTokenIds" : "CheckInput";
                writer.WriteLine($"global::ModelGen.ModelGuard.{guard}({CSharp.Literal(plan.Spec.Name)}, input, InputShape);");
                writer.WriteLine("t.x0 = input;");
                foreach ((LayerPlan layer, BackwardNames names) in BackwardLayers(plan, scopes))
                {
                    WriteLayerForward(layer, names, layer.Spec.Display, length, writer);
                }

                writer.WriteLine($"return t.x{plan.Layers.Count};");
            }
        }

        private static void WriteBackward(ModelPlan plan, BackwardScopes scopes, IndentedWriter writer)
        {
            string? length = plan.Spec.SequenceLength;
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The generated backward: from g = ∂L/∂ŷ it walks the layers in reverse, writing each parameter's");
            writer.WriteLine("/// <c>.grad</c> (δ is the gradient of the loss with respect to the tensor at hand; x a layer's input, y its output).");
            writer.WriteLine("/// </summary>");
            using (writer.Block($"private void Backward(Tape t, {CSharp.Tensor} g)"))
            {
                var written = new HashSet<string>(System.StringComparer.Ordinal);
                bool first = true;
                foreach ((LayerPlan layer, BackwardNames names) in Enumerable.Reverse(BackwardLayers(plan, scopes)))
                {
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    WriteLayerBackward(layer, names, layer.Spec.Display, length, written, writer);
                }
            }
        }

        /// <summary>The tape's fields of one layer: its output, then what its rule keeps.</summary>
        private static void WriteTapeFields(LayerPlan layer, BackwardNames names, string comment, IndentedWriter writer)
        {
            writer.WriteLine($"public {CSharp.Tensor} x{names.Index} = null!; // {comment}");
            foreach (TapeField field in layer.Entry.TapeFields(layer, names))
            {
                writer.WriteLine($"public {field.Type} {field.Name} = {field.Initializer};");
            }
        }

        /// <summary>One layer of a training forward: its shapes, then its entry's statements.</summary>
        private static void WriteLayerForward(LayerPlan layer, BackwardNames names, string label, string? length, IndentedWriter writer)
        {
            writer.WriteLine($"// [{label}]  {CSharp.Batched(layer.InputShape, length)} → {CSharp.Batched(layer.OutputShape, length)}");
            foreach (string statement in layer.Entry.TrainingForward(layer, names))
            {
                writer.WriteLine(statement);
            }
        }

        /// <summary>
        /// One layer of a backward: its shapes and formula, then its entry's statements. A layer whose
        /// parameters a step further on already wrote (it is applied again by <c>[Reuse]</c>) adds to
        /// those gradients instead of replacing them.
        /// </summary>
        private static void WriteLayerBackward(LayerPlan layer, BackwardNames names, string label, string? length, HashSet<string> written, IndentedWriter writer)
        {
            List<string> statements = layer.Entry.Backward(layer, names).ToList();
            string formula = layer.Entry.BackwardFormula(layer, names);
            string shapes = names.GradPerTableRow
                ? "δ per table row"
                : $"δ {CSharp.Batched(layer.OutputShape, length)} → {(names.Lookup is LookupInput lookup ? $"per row of {lookup.Table.TrimEnd('!')}" : CSharp.Batched(layer.InputShape, length))}";
            writer.WriteLine($"// [{label}]  {shapes}{(formula.Length > 0 ? ": " + formula : string.Empty)}");
            if (statements.Count == 0 && !names.NeedsInputGradient)
            {
                writer.WriteLine("// (the input is data: nothing to propagate)");
            }

            if (!written.Add(names.Field))
            {
                writer.WriteLine($"// {names.Field} is applied again further on ([Reuse]), whose step has written its gradients: these add to them.");
                using (writer.Block($"using ({BackwardRules.Gradients}.Accumulate())"))
                {
                    foreach (string statement in statements)
                    {
                        writer.WriteLine(statement);
                    }
                }

                return;
            }

            foreach (string statement in statements)
            {
                writer.WriteLine(statement);
            }
        }
    }
}

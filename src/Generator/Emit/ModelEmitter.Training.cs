using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        private const string TrainingNamespace = "global::ModelGen.Training";

        private static void WriteTraining(ModelPlan plan, IndentedWriter writer)
        {
            LossSpec loss = plan.Spec.Loss!;
            OptimizerSpec optimizer = plan.Spec.Optimizer!;
            string name = CSharp.Literal(plan.Spec.Name);

            writer.WriteLine($"private {TrainingNamespace}.LossFunction? _lossFunction;");
            writer.WriteLine("private global::TorchSharp.torch.optim.Optimizer? _optimizer;");
            writer.WriteLine($"private {TrainingNamespace}.FlatParameters? _flat;");
            WriteOptimizerSettingsField(optimizer, writer);
            writer.WriteLine("private long _trainSteps;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The loss declared by <c>[{CSharp.Xml(loss.Display)}]</c>.</summary>");
            writer.WriteLine($"public {TrainingNamespace}.LossFunction LossFunction => _lossFunction ??= {LossFactory(loss)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The optimizer's settings: those declared by <c>[{CSharp.Xml(optimizer.Display)}]</c> (PyTorch's defaults for the rest) until <see cref=\"UseOptimizer\"/> replaces them.</summary>");
            writer.WriteLine($"public {TrainingNamespace}.OptimizerSettings OptimizerSettings => _optimizerSettings;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The optimizer of <see cref=\"OptimizerSettings\"/>, created on first use. Creating it lays the parameters and");
            writer.WriteLine("/// their gradients out in one flat buffer each (<see cref=\"global::ModelGen.Training.FlatParameters\"/>): the step's");
            writer.WriteLine("/// finite check is then one reduction, and SGD, Adam and AdamW update the whole buffer at once.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public global::TorchSharp.torch.optim.Optimizer Optimizer => _optimizer ??= CreateOptimizer();");
            writer.WriteLine();
            using (writer.Block("private global::TorchSharp.torch.optim.Optimizer CreateOptimizer()"))
            {
                writer.WriteLine("// A model moved with to() has new parameter objects: lay them out again.");
                using (writer.Block("if (_flat is null || !_flat.Describes(parameters()))"))
                {
                    writer.WriteLine("_flat?.Dispose();");
                    writer.WriteLine($"_flat = {TrainingNamespace}.FlatParameters.TryCreate(parameters());");
                }

                writer.WriteLine();
                writer.WriteLine("return _flat is null ? _optimizerSettings.Create(parameters()) : _optimizerSettings.Create(_flat);");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.UseOptimizer\"/>");
            using (writer.Block($"public void UseOptimizer({TrainingNamespace}.OptimizerSettings settings)"))
            {
                writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(settings);");
                writer.WriteLine("_optimizer?.Dispose();");
                writer.WriteLine("_optimizer = null;");
                writer.WriteLine("_optimizerSettings = settings;");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.LossKind\"/>");
            writer.WriteLine($"public global::ModelGen.LossKind LossKind => global::ModelGen.LossKind.{loss.Kind};");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.TrainSteps\"/>");
            writer.WriteLine("public long TrainSteps => _trainSteps;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// One optimization step on a batch: target checks, forward, loss, backward, a check that the");
            writer.WriteLine("/// loss and the gradients are finite, optimizer step. Every tensor it makes is disposed before");
            writer.WriteLine("/// it returns; the loss comes back as a number.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine($"/// <param name=\"input\">A batch of shape {CSharp.Batched(plan.Spec.InputShape, plan.Spec.SequenceLength)}.</param>");
            writer.WriteLine($"/// <param name=\"target\">{TargetDocumentation(loss.Kind, plan)}</param>");
            writer.WriteLine("/// <returns>The batch's loss before the step (without the L1/L2 penalty).</returns>");
            writer.WriteLine("/// <exception cref=\"global::ModelGen.Training.InvalidTargetException\">The batch is empty or its targets do not fit the loss.</exception>");
            writer.WriteLine("/// <exception cref=\"global::ModelGen.Training.NonFiniteLossException\">The loss or a gradient is NaN or infinite; the weights are untouched.</exception>");
            writer.WriteLine($"public float TrainStep({CSharp.Tensor} input, {CSharp.Tensor} target) => TrainStep(input, target, null);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.TrainStep(global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor, global::ModelGen.ITrainingStepObserver?)\"/>");
            using (writer.Block($"public float TrainStep({CSharp.Tensor} input, {CSharp.Tensor} target, global::ModelGen.ITrainingStepObserver? observer)"))
            {
                writer.WriteLine($"{TrainingNamespace}.StepGuard.ThrowIfDisposed(_disposed, {name});");
                writer.WriteLine("train();");
                writer.WriteLine("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                writer.WriteLine("// Targets are checked before the loss sees them: a clear message instead of a libtorch error.");
                writer.WriteLine($"LossFunction.CheckBatch({name}, input, target, OutputShape);");
                writer.WriteLine("var optimizer = Optimizer;");
                string? faster = plan.Spec.Autograd ? null : BackwardRules.FasterWithAutograd(plan);
                writer.WriteLine(!BackwardRules.CanGenerate(plan)
                    ? "// Gradients by autograd: " + AutogradReason(plan) + "."
                    : faster is null
                        ? "// Gradients by the generated Backward below (or autograd when GeneratedBackward is false)."
                        : "// Gradients by autograd unless GeneratedBackward is set (the generated Backward is below): libtorch's kernels are faster here.");
                writer.WriteLine("var value = ComputeGradientsCore(input, target, out var output);");
                writer.WriteLine("observer?.BeforeUpdate(output, target, value);");
                writer.WriteLine("// A NaN or infinite loss or gradient stops here, before the update: the weights stay as they were.");
                writer.WriteLine($"{TrainingNamespace}.StepGuard.ThrowIfNonFinite(this, {name}, ++_trainSteps, value, _flat);");
                using (writer.Block("if (_optimizerSettings.ClipsGradients)"))
                {
                    writer.WriteLine("_optimizerSettings.ClipGradients(parameters());");
                }

                writer.WriteLine();
                writer.WriteLine("// One whole-buffer update for SGD, Adam and AdamW over the flat layout; the optimizer's step() otherwise.");
                writer.WriteLine($"{TrainingNamespace}.OptimizerSettings.Step(optimizer, _flat);");
                writer.WriteLine("return value;");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.ComputeLoss\"/>");
            writer.WriteLine($"public {CSharp.Tensor} ComputeLoss({CSharp.Tensor} output, {CSharp.Tensor} target) => LossFunction.forward(output, target);");
            writer.WriteLine();
            WriteGradientMembers(plan, writer);
        }

        private static void WriteOptimizerSettingsField(OptimizerSpec optimizer, IndentedWriter writer)
        {
            writer.WriteLine($"private {TrainingNamespace}.OptimizerSettings _optimizerSettings = new {TrainingNamespace}.OptimizerSettings(global::ModelGen.OptimizerKind.{optimizer.Kind})");
            writer.WriteLine("{");
            using (writer.Indent())
            {
                foreach ((string property, string value) in OptimizerSettings(optimizer))
                {
                    writer.WriteLine($"{property} = {value},");
                }
            }

            writer.WriteLine("};");
        }

        /// <summary>The hyperparameters the kind uses, every one explicit (PyTorch's default where not written).</summary>
        private static IEnumerable<(string Property, string Value)> OptimizerSettings(OptimizerSpec o)
        {
            yield return ("LearningRate", CSharp.Literal(o.LearningRate));
            switch (o.Kind)
            {
                case OptimizerKindSpec.SGD:
                    yield return ("Momentum", CSharp.Literal(o.Momentum));
                    yield return ("Nesterov", CSharp.Literal(o.Nesterov));
                    break;
                case OptimizerKindSpec.Adam:
                case OptimizerKindSpec.AdamW:
                case OptimizerKindSpec.Adamax:
                case OptimizerKindSpec.NAdam:
                    yield return ("Beta1", CSharp.Literal(o.Beta1));
                    yield return ("Beta2", CSharp.Literal(o.Beta2));
                    yield return ("Epsilon", CSharp.Literal(o.Epsilon));
                    if (o.Kind == OptimizerKindSpec.NAdam)
                    {
                        yield return ("MomentumDecay", CSharp.Literal(o.MomentumDecay));
                    }

                    break;
                case OptimizerKindSpec.Adagrad:
                    yield return ("LearningRateDecay", CSharp.Literal(o.LearningRateDecay));
                    yield return ("Epsilon", CSharp.Literal(o.Epsilon));
                    break;
                case OptimizerKindSpec.Adadelta:
                    yield return ("Rho", CSharp.Literal(o.Rho));
                    yield return ("Epsilon", CSharp.Literal(o.Epsilon));
                    break;
                case OptimizerKindSpec.RMSprop:
                    yield return ("Alpha", CSharp.Literal(o.Alpha));
                    yield return ("Epsilon", CSharp.Literal(o.Epsilon));
                    yield return ("Momentum", CSharp.Literal(o.Momentum));
                    yield return ("Centered", CSharp.Literal(o.Centered));
                    break;
            }

            yield return ("WeightDecay", CSharp.Literal(o.WeightDecay));
            if (o.ClipNorm > 0)
            {
                yield return ("ClipNorm", CSharp.Literal(o.ClipNorm));
            }

            if (o.ClipValue > 0)
            {
                yield return ("ClipValue", CSharp.Literal(o.ClipValue));
            }
        }

        private static string LossFactory(LossSpec loss)
        {
            var settings = new List<string>();
            if (loss.Reduction != LossReductionSpec.Mean)
            {
                settings.Add($"Reduction = global::ModelGen.LossReduction.{loss.Reduction}");
            }

            if (loss.LabelSmoothing != 0)
            {
                settings.Add($"LabelSmoothing = {CSharp.Literal(loss.LabelSmoothing)}");
            }

            if (loss.Kind == LossKindSpec.Huber)
            {
                settings.Add($"HuberDelta = {CSharp.Literal(loss.HuberDelta)}");
            }

            if (loss.ClassWeights.Count > 0)
            {
                settings.Add($"ClassWeights = new double[] {{ {string.Join(", ", loss.ClassWeights.Select(CSharp.Literal))} }}");
            }

            if (loss.L1 != 0)
            {
                settings.Add($"L1 = {CSharp.Literal(loss.L1)}");
            }

            if (loss.L2 != 0)
            {
                settings.Add($"L2 = {CSharp.Literal(loss.L2)}");
            }

            string create = $"new {TrainingNamespace}.LossFunction(global::ModelGen.LossKind.{loss.Kind})";
            return settings.Count == 0 ? create : $"{create} {{ {string.Join(", ", settings)} }}";
        }

        private static string AutogradReason(ModelPlan plan) =>
            BackwardRules.Blocker(plan) is LayerPlan blocker ? $"[{blocker.Spec.Display}] has no backward rule" : "no generated backward";

        private static string PenaltyComment(LossSpec loss)
        {
            var terms = new List<string>();
            if (loss.L2 > 0)
            {
                terms.Add($"L2 {CSharp.Literal(loss.L2)}/(2m)·Σw²");
            }

            if (loss.L1 > 0)
            {
                terms.Add($"L1 {CSharp.Literal(loss.L1)}/m·Σ|w|");
            }

            return "The penalty of [" + loss.Display + "], " + string.Join(" + ", terms) + " over the weight tensors, m the batch size";
        }

        private static string TargetDocumentation(LossKindSpec kind, ModelPlan plan) => kind switch
        {
            LossKindSpec.CrossEntropy => "Class indices (int64) of shape N, or float class probabilities of shape N×K.",
            LossKindSpec.NLL => "Class indices (int64) of shape N.",
            LossKindSpec.KLDivergence => $"Target probabilities (float32) of shape {CSharp.Batched(plan.OutputShape, plan.Spec.SequenceLength)}.",
            _ => $"Targets (float32) of shape {CSharp.Batched(plan.OutputShape, plan.Spec.SequenceLength)}.",
        };
    }
}

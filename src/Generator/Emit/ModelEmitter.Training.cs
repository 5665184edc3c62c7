using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        private static void WriteTraining(ModelPlan plan, IndentedWriter writer)
        {
            LossSpec loss = plan.Spec.Loss!;
            OptimizerSpec optimizer = plan.Spec.Optimizer!;
            string lossType = $"{CSharp.Modules}.{LossType(loss.Kind)}";

            writer.WriteLine($"private {lossType}? _lossFunction;");
            writer.WriteLine("private global::TorchSharp.torch.optim.Optimizer? _optimizer;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The loss declared by <c>[{CSharp.Xml(loss.Display)}]</c>.</summary>");
            writer.WriteLine($"public {lossType} LossFunction => _lossFunction ??= {CSharp.Nn}.{LossType(loss.Kind)}();");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The optimizer declared by <c>[{CSharp.Xml(optimizer.Display)}]</c>, created on first use over the list of this model's parameters (a list, as PyTorch keeps it, so that zero_grad and step do not walk the module tree again).</summary>");
            writer.WriteLine($"public global::TorchSharp.torch.optim.Optimizer Optimizer => _optimizer ??= {OptimizerFactory(optimizer)};");
            writer.WriteLine();
            writer.WriteLine($"/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.LossKind\"/>");
            writer.WriteLine($"public global::ModelGen.LossKind LossKind => global::ModelGen.LossKind.{loss.Kind};");
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// One optimization step on a batch: forward, loss, backward, optimizer step. Every tensor it");
            writer.WriteLine("/// makes is disposed before it returns; the loss comes back as a number.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine($"/// <param name=\"input\">A batch of shape {CSharp.Batched(plan.Spec.InputShape, plan.Spec.SequenceLength)}.</param>");
            writer.WriteLine($"/// <param name=\"target\">{TargetDocumentation(loss.Kind, plan)}</param>");
            writer.WriteLine("/// <returns>The batch's mean loss before the step.</returns>");
            writer.WriteLine($"public float TrainStep({CSharp.Tensor} input, {CSharp.Tensor} target) => TrainStep(input, target, null);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.TrainStep(global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor, global::ModelGen.ITrainingStepObserver?)\"/>");
            using (writer.Block($"public float TrainStep({CSharp.Tensor} input, {CSharp.Tensor} target, global::ModelGen.ITrainingStepObserver? observer)"))
            {
                writer.WriteLine("train();");
                writer.WriteLine("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                writer.WriteLine("var optimizer = Optimizer;");
                writer.WriteLine("optimizer.zero_grad();");
                writer.WriteLine("var output = forward(input);");
                writer.WriteLine("var loss = LossFunction.forward(output, target);");
                writer.WriteLine("var value = loss.item<float>();");
                writer.WriteLine("observer?.BeforeUpdate(output, target, value);");
                writer.WriteLine("loss.backward();");
                writer.WriteLine("optimizer.step();");
                writer.WriteLine("return value;");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.ITrainableModel.ComputeLoss\"/>");
            writer.WriteLine($"public {CSharp.Tensor} ComputeLoss({CSharp.Tensor} output, {CSharp.Tensor} target) => LossFunction.forward(output, target);");
        }

        private static string LossType(LossKindSpec kind) => kind switch
        {
            LossKindSpec.MSE => "MSELoss",
            LossKindSpec.CrossEntropy => "CrossEntropyLoss",
            _ => "BCEWithLogitsLoss",
        };

        private static string OptimizerFactory(OptimizerSpec optimizer) => optimizer.Kind switch
        {
            OptimizerKindSpec.SGD =>
                $"global::TorchSharp.torch.optim.SGD(global::System.Linq.Enumerable.ToArray(parameters()), learningRate: {CSharp.Literal(optimizer.LearningRate)}, momentum: {CSharp.Literal(optimizer.Momentum)}, weight_decay: {CSharp.Literal(optimizer.WeightDecay)})",
            _ =>
                $"global::TorchSharp.torch.optim.Adam(global::System.Linq.Enumerable.ToArray(parameters()), lr: {CSharp.Literal(optimizer.LearningRate)}, weight_decay: {CSharp.Literal(optimizer.WeightDecay)})",
        };

        private static string TargetDocumentation(LossKindSpec kind, ModelPlan plan) => kind switch
        {
            LossKindSpec.CrossEntropy => "Class indices (int64) of shape N.",
            _ => $"Targets (float32) of shape {CSharp.Batched(plan.OutputShape, plan.Spec.SequenceLength)}.",
        };
    }
}

// Runs a generated model from the ModelGen package: if the generator did not come with the
// package this does not compile; if the libstdc++ fix did not, the first tensor throws.
using System;
using ModelGen;
using TorchSharp;

torch.manual_seed(0);
using var model = new Perceptron();
using var input = torch.tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, 4, 2);
using var target = torch.tensor(new float[] { 1, 1, 1, 0 }, 4, 1);

float first = model.TrainStep(input, target);
float last = first;
for (int step = 0; step < 500; step++)
{
    last = model.TrainStep(input, target);
}

Console.WriteLine($"consumer: {Perceptron.ParameterCount} parameters, {Perceptron.InputShape} → {Perceptron.OutputShape}, loss {first:F4} → {last:F4}");
if (Perceptron.ParameterCount != 3 || !(last < first))
{
    Console.Error.WriteLine("consumer: the packaged model did not train");
    return 1;
}

return 0;

/// <summary>NAND as a single unit, from the package's attributes.</summary>
[Model(2)]
[Linear(1)]
[Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.SGD, LearningRate = 0.5)]
public partial class Perceptron;

// Trains a small ResNet (two residual stages, the second with a projection shortcut) on the 8×8
// digits embedded in the runtime and prints its test accuracy on a seeded 20 % hold-out.
using System;
using System.Globalization;
using ModelGen;
using ModelGen.Data;
using ModelGen.Samples.ResNetDigits;
using ModelGen.Training;
using TorchSharp;

torch.set_num_threads(2);
torch.manual_seed(42);
using TensorDataset digits = DigitsDataset.Load(DigitsLayout.Image);
(TensorDataset train, TensorDataset test) = digits.TrainTestSplit(0.2, 42);
using (train)
using (test)
{
    using var model = new DigitsResNet();
    Console.WriteLine(DigitsResNet.Summary);
    Console.WriteLine(ResidualBlock.Summary);
    TrainingHistory history = model.Fit(train, new FitOptions { Epochs = 8, BatchSize = 32, Seed = 42, Progress = ProgressMode.None });
    EvaluationResult result = model.Evaluate(test);
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "trained {0} epochs in {1:F1} s", history.Epochs.Count, history.Duration.TotalSeconds));
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test accuracy: {0:F4}", result.Accuracy));
}

namespace ModelGen.Samples.ResNetDigits
{
    /// <summary>A basic residual block: conv 3×3 (stride) → bn → relu → conv 3×3 → bn, plus the input or its projection, relu.</summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [Shortcut]
    [ReLU]
    public partial class ResidualBlock;

    /// <summary>1×8×8 → stem 16×8×8 → two identity blocks 16×8×8 → a projection block 32×4×4 → pool → 10 classes.</summary>
#pragma warning disable MG0003 // the stride-2 block never reads the last padded row of the 8×8 map, as in torchvision
    [Model(1, 8, 8)]
    [Conv2d(16, Kernel = 3, Padding = 1, Bias = false, Name = "conv1"), BatchNorm2d(Name = "bn1"), ReLU]
    [Repeat<ResidualBlock>(2, Width = 16, Stride = 1, Name = "layer1")]
    [Repeat<ResidualBlock>(1, Width = 32, Stride = 2, Name = "layer2")]
    [AdaptiveAvgPool2d(1), Flatten]
    [Linear(10, Name = "fc")]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
    public partial class DigitsResNet;
#pragma warning restore MG0003
}

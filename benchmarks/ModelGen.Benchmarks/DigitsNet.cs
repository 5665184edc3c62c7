using ModelGen;

namespace ModelGen.Benchmarks
{
    /// <summary>The digits CNN, declared exactly as samples/Digits/DigitsNet.cs declares it.</summary>
    [Model(1, 8, 8)]
    [Conv2d(16, Kernel = 3, Padding = 1), ReLU]
    [MaxPool2d(2)]
    [Conv2d(32, Kernel = 3, Padding = 1), ReLU]
    [MaxPool2d(2)]
    [Flatten]
    [Linear(64), ReLU, Dropout(0.25)]
    [Linear(10)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
    public partial class DigitsNet;
}

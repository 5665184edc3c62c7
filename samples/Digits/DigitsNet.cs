using ModelGen;

namespace ModelGen.Samples.Digits;

/// <summary>The CNN of the design brief for the 8×8 digits: two conv/pool stages and a small classifier.</summary>
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

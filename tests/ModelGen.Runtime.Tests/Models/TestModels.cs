using ModelGen;

namespace ModelGen.Runtime.Tests.Models;

/// <summary>The course's NAND perceptron: one unit over two inputs with a step-like (sigmoid) output.</summary>
[Model(2)]
[Linear(1), Sigmoid]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 2)]
public partial class NandPerceptron;

/// <summary>A single layer (one linear unit) fed XOR: a linear boundary cannot separate it.</summary>
[Model(2)]
[Linear(1)]
[Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam, LearningRate = 0.1)]
public partial class XorSingleLayer;

/// <summary>XOR with one hidden layer, which can represent it.</summary>
[Model(2)]
[Linear(8), Tanh]
[Linear(1)]
[Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam, LearningRate = 0.05)]
public partial class XorHiddenLayer;

/// <summary>A small MLP with dropout over the flat digits, quick enough for repeated runs.</summary>
[Model(64)]
[Linear(32), ReLU, Dropout(0.2)]
[Linear(10)]
[Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
public partial class DigitsMlp;

/// <summary>Linear regression y = w·x + b, for hand-computed losses.</summary>
[Model(2)]
[Linear(1)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.01)]
public partial class TinyRegression;

/// <summary>Linear regression with a learning rate that makes it diverge within a few steps.</summary>
[Model(2)]
[Linear(1)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 1e12)]
public partial class DivergingRegression;

/// <summary>Three-class softmax regression, for a hand-computed cross-entropy.</summary>
[Model(2)]
[Linear(3)]
[Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD, LearningRate = 0.01)]
public partial class TinyClassifier;

/// <summary>Linear regression with an L2 penalty, for the penalty's gradient λw/m.</summary>
[Model(3)]
[Linear(2)]
[Loss(LossKind.MSE, L2 = 0.5), Optimizer(OptimizerKind.SGD, LearningRate = 0.1)]
public partial class PenalizedRegression;

/// <summary>The same regression without a penalty, the reference for <see cref="PenalizedRegression"/>.</summary>
[Model(3)]
[Linear(2)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.1)]
public partial class PlainRegression;

/// <summary>Regression with gradient clipping by norm.</summary>
[Model(3)]
[Linear(2)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.1, ClipNorm = 0.01)]
public partial class ClippedRegression;

/// <summary>A wide layer, for initializer statistics: fan_in 400, fan_out 300.</summary>
[Model(400)]
[Linear(300)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
public partial class WideLayer;

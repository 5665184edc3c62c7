using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Samples.CourseNotes;

// The course notes' worked examples as declared models. Weights are set by hand to the notes'
// values; the sample prints what the models compute and the tests (tests/ModelGen.Parity.Tests/
// CourseNotesTests.cs) compare it with the numbers the notes give.

/// <summary>A perceptron's pre-activation z = w₀ + w₁x₁ + w₂x₂ (one linear unit).</summary>
[Model(2)]
[Linear(1)]
public partial class Perceptron;

/// <summary>A perceptron with a step activation: with w₀ = 6, w₁ = w₂ = −5 it computes NAND.</summary>
[Model(2)]
[Linear(1), BinaryStep]
public partial class StepUnit;

/// <summary>One unit (no hidden layer) trained on XOR: a line cannot separate XOR's classes.</summary>
[Model(2)]
[Linear(1)]
[Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam, LearningRate = 0.1)]
public partial class XorSingleUnit;

/// <summary>One hidden layer of four tanh units: enough for XOR.</summary>
[Model(2)]
[Linear(4), Tanh]
[Linear(1)]
[Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam, LearningRate = 0.1)]
public partial class XorHiddenLayer;

/// <summary>1-D convolution, "full" (padding k − 1 = 1) — a layer cross-correlates, so the kernel is given reversed.</summary>
// A full convolution grows the length on purpose (3 → 4): MG0025's advice to keep the size does not apply.
#pragma warning disable MG0025
[Model(1, 3)]
[Conv1d(1, Kernel = 2, Padding = 1, Bias = false)]
public partial class FullConv1d;
#pragma warning restore MG0025

/// <summary>1-D convolution, "valid" (no padding).</summary>
[Model(1, 3)]
[Conv1d(1, Kernel = 2, Bias = false)]
public partial class ValidConv1d;

/// <summary>2-D convolution of a 3×3 image with a 2×2 kernel.</summary>
[Model(1, 3, 3)]
[Conv2d(1, Kernel = 2, Bias = false)]
public partial class Conv2x2;

/// <summary>MaxPool(ReLU(Conv(I))) with a 2×2 pool of stride 1.</summary>
[Model(1, 3, 3)]
[Conv2d(1, Kernel = 2, Bias = false), ReLU]
[MaxPool2d(2, Stride = 1)]
public partial class ConvReluPool;

/// <summary>The scalar LSTM of the notes (one input, one hidden unit), every step returned, trainable so that its BPTT gradients can be compared.</summary>
[Model(1, SequenceLength = "L")]
[LSTM(1)]
[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
public partial class ScalarLstm;

/// <summary>28×28 (3 channels), 16 filters of 5×5: 24×24×16 and 16·(5·5·3 + 1) = 1,216 parameters.</summary>
[Model(3, 28, 28)]
[Conv2d(16, Kernel = 5)]
public partial class Filters16;

/// <summary>A 3×3 kernel with padding 1 keeps a 6×6 input's size.</summary>
[Model(1, 6, 6)]
[Conv2d(1, Kernel = 3, Padding = 1)]
public partial class SamePadding;

/// <summary>AlexNet's first layer on 227×227: (227 − 11)/4 + 1 = 55.</summary>
[Model(3, 227, 227)]
[Conv2d(96, Kernel = 11, Stride = 4)]
public partial class AlexNetFirst227;

/// <summary>AlexNet's first layer on 224×224 with padding 2: ⌊(224 + 4 − 11)/4⌋ + 1 = 55.</summary>
// The analyzer warns (MG0003) that the last padded row and column are never read: 217 is not a
// multiple of 4. The notes' example is exactly that case, so the warning is acknowledged here.
#pragma warning disable MG0003
[Model(3, 224, 224)]
[Conv2d(96, Kernel = 11, Stride = 4, Padding = 2)]
public partial class AlexNetFirst224;
#pragma warning restore MG0003

/// <summary>The worked examples' computations, shared by the sample and its tests.</summary>
public static class WorkedExamples
{
    /// <summary>The four inputs of a two-input truth table: (0,0), (0,1), (1,0), (1,1).</summary>
    public static Tensor TruthTable() => tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, new long[] { 4, 2 });

    /// <summary>Sets a parameter (by its state_dict name) to the given values.</summary>
    public static void SetWeights(nn.Module model, string name, params double[] values)
    {
        using var noGrad = no_grad();
        var parameter = model.named_parameters().First(p => p.name == name).parameter;
        using Tensor source = tensor(values, dtype: ScalarType.Float64).to(parameter.dtype).reshape(parameter.shape);
        parameter.copy_(source);
    }

    /// <summary>A model's output as a flat array of doubles (evaluation mode, no gradient).</summary>
    public static double[] Run(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        model.eval();
        using var noGrad = no_grad();
        using Tensor output = model.forward(input);
        return output.to(ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>The NAND weights of the notes: w₀ = 6 (the bias), w₁ = w₂ = −5.</summary>
    public static T Nand<T>(T model)
        where T : nn.Module
    {
        SetWeights(model, "fc1.weight", -5, -5);
        SetWeights(model, "fc1.bias", 6);
        return model;
    }

    /// <summary>NAND of two 0/1 values by the step unit.</summary>
    public static double NandGate(StepUnit unit, double a, double b) => Run(unit, tensor(new[] { (float)a, (float)b }, new long[] { 1, 2 }))[0];

    /// <summary>NOT a = NAND(a, a).</summary>
    public static double Not(StepUnit u, double a) => NandGate(u, a, a);

    /// <summary>AND = NOT(NAND(a, b)).</summary>
    public static double And(StepUnit u, double a, double b) => Not(u, NandGate(u, a, b));

    /// <summary>OR = NAND(NOT a, NOT b).</summary>
    public static double Or(StepUnit u, double a, double b) => NandGate(u, Not(u, a), Not(u, b));

    /// <summary>XOR from four NAND units: m = NAND(a, b); NAND(NAND(a, m), NAND(b, m)).</summary>
    public static double Xor(StepUnit u, double a, double b)
    {
        double m = NandGate(u, a, b);
        return NandGate(u, NandGate(u, a, m), NandGate(u, b, m));
    }

    /// <summary>Trains a model on XOR's truth table (full batch) and returns its best accuracy over the run.</summary>
    public static double TrainXor<T>(T model, int steps)
        where T : nn.Module<Tensor, Tensor>, ITrainableModel
    {
        Tensor x = TruthTable();
        Tensor y = tensor(new float[] { 0, 1, 1, 0 }, new long[] { 4, 1 });
        double best = 0;
        for (int i = 0; i < steps; i++)
        {
            model.TrainStep(x, y);
            double[] logits = Run(model, x);
            double accuracy = logits.Select((z, k) => (z > 0 ? 1.0 : 0.0) == y[k, 0].item<float>() ? 1.0 : 0.0).Average();
            best = Math.Max(best, accuracy);
            model.train();
        }

        return best;
    }

    /// <summary>The scalar LSTM's weights: w_ix = 100, b_i = 100, b_f = −100, w_cx = 50, w_ch = −100, w_ox = 100, the rest 0 (PyTorch's gate order i, f, g, o; one bias per gate in bias_ih).</summary>
    public static T ScalarLstmWeights<T>(T model)
        where T : nn.Module
    {
        SetWeights(model, "lstm1.weight_ih_l0", 100, 0, 50, 100);
        SetWeights(model, "lstm1.weight_hh_l0", 0, 0, -100, 0);
        SetWeights(model, "lstm1.bias_ih_l0", 100, -100, 0, 0);
        SetWeights(model, "lstm1.bias_hh_l0", 0, 0, 0, 0);
        return model;
    }

    /// <summary>The notes' input sequence x = [0, 0, 1, 1, 1, 0] as a batch of one, 1×6×1.</summary>
    public static Tensor LstmInput(ScalarType dtype = ScalarType.Float32) => tensor(new double[] { 0, 0, 1, 1, 1, 0 }, dtype: dtype).reshape(1, 6, 1);
}

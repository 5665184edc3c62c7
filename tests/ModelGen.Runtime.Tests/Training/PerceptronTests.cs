using System;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>The course notes' single-layer results: NAND is learnable by one unit, XOR is not, a hidden layer fixes it.</summary>
public sealed class PerceptronTests
{
    [Fact]
    public void The_course_solution_w0_6_w1_minus5_w2_minus5_computes_nand()
    {
        using var model = new NandPerceptron();
        TestData.Set(model.fc1.weight!, new float[] { -5, -5 }); // w1, w2
        TestData.Set(model.fc1.bias!, new float[] { 6 });        // w0, the bias

        float[] outputs = Forward(model);

        for (int row = 0; row < 4; row++)
        {
            float x1 = TestData.TruthTableInputs[2 * row];
            float x2 = TestData.TruthTableInputs[(2 * row) + 1];
            double z = 6 - (5 * x1) - (5 * x2);
            Assert.Equal(1 / (1 + Math.Exp(-z)), outputs[row], 5); // the unit is σ(w0 + w1·x1 + w2·x2)
            Assert.Equal(TestData.Nand[row], outputs[row] > 0.5f ? 1f : 0f);
        }
    }

    [Fact]
    public void A_single_unit_learns_nand()
    {
        torch.manual_seed(1);
        using var model = new NandPerceptron();
        using TensorDataset nand = TestData.TruthTable(TestData.Nand);

        TrainingHistory history = model.Fit(nand, new FitOptions { Epochs = 1000, BatchSize = 4, Shuffle = false, Progress = ProgressMode.None });

        float[] outputs = Forward(model);
        for (int row = 0; row < 4; row++)
        {
            Assert.Equal(TestData.Nand[row], outputs[row] > 0.5f ? 1f : 0f);
        }

        Assert.True(history.Final.TrainLoss < history.Epochs[0].TrainLoss / 4, $"loss {history.Epochs[0].TrainLoss} → {history.Final.TrainLoss}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_single_layer_cannot_learn_xor(int seed)
    {
        torch.manual_seed(seed);
        using var model = new XorSingleLayer();
        using TensorDataset xor = TestData.TruthTable(TestData.Xor);

        model.Fit(xor, new FitOptions { Epochs = 300, BatchSize = 4, Seed = seed, Progress = ProgressMode.None });

        // A line splits the four corners into at most 3 + 1 the XOR way.
        Assert.True(model.Evaluate(xor).Accuracy <= 0.75);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_hidden_layer_learns_xor(int seed)
    {
        torch.manual_seed(seed);
        using var model = new XorHiddenLayer();
        using TensorDataset xor = TestData.TruthTable(TestData.Xor);

        model.Fit(xor, new FitOptions { Epochs = 300, BatchSize = 4, Seed = seed, Progress = ProgressMode.None });

        Assert.Equal(1.0, model.Evaluate(xor).Accuracy);
    }

    private static float[] Forward(NandPerceptron model)
    {
        using var noGrad = torch.no_grad();
        using var input = torch.tensor(TestData.TruthTableInputs, new long[] { 4, 2 });
        using var output = model.forward(input);
        return TestData.Values(output);
    }
}

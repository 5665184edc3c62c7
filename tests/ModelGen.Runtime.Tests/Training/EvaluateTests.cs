using System;
using System.Linq;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary><see cref="Trainer.Evaluate"/> against losses and accuracies computed by hand from the weights.</summary>
public sealed class EvaluateTests
{
    private static readonly float[] Inputs = { 1, 2, 3, -1, 0, 0.5f, -2, 1, 0.5f, 0.5f };

    [Fact]
    public void Mean_squared_error_matches_the_formula_and_has_no_accuracy()
    {
        float[] targets = { 1, 2, -1, 0, 0.25f };
        using TensorDataset data = TensorDataset.FromArrays(Inputs, new long[] { 2 }, targets, new long[] { 1 });
        using var model = new TinyRegression();
        float[] w = { 0.5f, -1 };
        float b = 0.25f;
        TestData.Set(model.fc1.weight!, w);
        TestData.Set(model.fc1.bias!, new[] { b });

        EvaluationResult result = model.Evaluate(data, batchSize: 2); // batches of 2, 2 and 1

        double expected = Enumerable.Range(0, 5)
            .Select(i => (w[0] * Inputs[2 * i]) + (w[1] * Inputs[(2 * i) + 1]) + b - targets[i])
            .Average(e => e * e);
        Assert.Equal(expected, result.Loss, 5);
        Assert.Null(result.Accuracy);
        Assert.Equal(5, result.Count);
    }

    [Fact]
    public void Cross_entropy_and_argmax_accuracy_match_the_formula()
    {
        long[] labels = { 0, 2, 1, 1, 2 };
        using TensorDataset data = TensorDataset.FromArrays(Inputs, new long[] { 2 }, labels);
        using var model = new TinyClassifier();
        float[,] w = { { 1, -1 }, { 0.5f, 2 }, { -1, 0.25f } };
        float[] b = { 0.1f, -0.2f, 0.3f };
        TestData.Set(model.fc1.weight!, w.Cast<float>().ToArray());
        TestData.Set(model.fc1.bias!, b);

        EvaluationResult result = model.Evaluate(data, batchSize: 2);

        double lossSum = 0;
        int right = 0;
        for (int i = 0; i < 5; i++)
        {
            double[] z = Enumerable.Range(0, 3).Select(k => ((double)w[k, 0] * Inputs[2 * i]) + (w[k, 1] * Inputs[(2 * i) + 1]) + b[k]).ToArray();
            double logSumExp = Math.Log(z.Sum(Math.Exp));
            lossSum += logSumExp - z[labels[i]]; // −log softmax(z)[y]
            right += Array.IndexOf(z, z.Max()) == labels[i] ? 1 : 0;
        }

        Assert.Equal(lossSum / 5, result.Loss, 5);
        Assert.Equal(right / 5.0, result.Accuracy);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_and_sign_accuracy_match_the_formula()
    {
        using TensorDataset xor = TestData.TruthTable(TestData.Xor);
        using var model = new XorSingleLayer();
        float[] w = { 1.5f, -1 };
        float b = -0.5f;
        TestData.Set(model.fc1.weight!, w);
        TestData.Set(model.fc1.bias!, new[] { b });

        EvaluationResult result = model.Evaluate(xor, batchSize: 3);

        double lossSum = 0;
        int right = 0;
        for (int i = 0; i < 4; i++)
        {
            double z = ((double)w[0] * TestData.TruthTableInputs[2 * i]) + (w[1] * TestData.TruthTableInputs[(2 * i) + 1]) + b;
            double y = TestData.Xor[i];
            lossSum += Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z))); // stable BCE with logits
            right += (z > 0 ? 1 : 0) == (int)y ? 1 : 0;
        }

        Assert.Equal(lossSum / 4, result.Loss, 5);
        Assert.Equal(right / 4.0, result.Accuracy);
    }

    [Fact]
    public void Evaluation_runs_without_dropout_and_restores_the_training_mode()
    {
        using TensorDataset digits = TestData.Digits(64, DigitsLayout.Flat);
        torch.manual_seed(2);
        using var model = new DigitsMlp();
        model.train();

        EvaluationResult first = model.Evaluate(digits);
        EvaluationResult second = model.Evaluate(digits, batchSize: 7);

        Assert.True(model.training);
        Assert.Equal(first.Loss, second.Loss, 5); // no dropout noise, and batching does not change the mean
        Assert.Equal(first.Accuracy, second.Accuracy);
    }
}

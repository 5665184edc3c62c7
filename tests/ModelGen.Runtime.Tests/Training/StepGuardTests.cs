using System;
using System.Linq;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>The generated TrainStep's checks: non-finite loss, targets, disposal.</summary>
public sealed class StepGuardTests
{
    [Fact]
    public void A_nan_input_to_train_step_is_refused_before_the_update_naming_the_step_and_layer()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new TinyRegression();
        model.TrainStep(torch.ones(2, 2), torch.ones(2, 1));
        float[] before = TestData.Values(model.fc1.weight!).Concat(TestData.Values(model.fc1.bias!)).ToArray();

        var error = Assert.Throws<NonFiniteLossException>(() => model.TrainStep(torch.full(2, 2, float.NaN), torch.ones(2, 1)));

        Assert.Equal(before, TestData.Values(model.fc1.weight!).Concat(TestData.Values(model.fc1.bias!)).ToArray());
        Assert.Equal(2, error.Step);
        Assert.Equal("fc1", error.Layer);
        Assert.Contains("TinyRegression: the loss is NaN at step 2", error.Message);
        Assert.Contains("Gradients blew up in layer fc1", error.Message);
        Assert.Contains("weights are untouched", error.Message);
    }

    [Fact]
    public void Exploding_gradients_name_the_layer_in_fit()
    {
        using TensorDataset data = Regression(16);
        using var model = new DivergingRegression();

        var error = Assert.Throws<NonFiniteLossException>(() =>
            model.Fit(data, new FitOptions { Epochs = 50, BatchSize = 4, Progress = ProgressMode.None }));

        Assert.Equal("fc1", error.Layer);
        Assert.True(error.Epoch >= 1);
        Assert.All(error.Parameters, p => Assert.Equal(0, p.NonFinite));
    }

    [Theory]
    [InlineData("out of range")]
    [InlineData("float")]
    [InlineData("mismatch")]
    [InlineData("empty")]
    [InlineData("shape")]
    public void Targets_are_checked_before_the_loss_with_the_model_named(string problem)
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = new TinyClassifier();
        using var regression = new TinyRegression();

        InvalidTargetException error = problem switch
        {
            "out of range" => Assert.Throws<InvalidTargetException>(() => classifier.TrainStep(torch.ones(2, 2), torch.tensor(new long[] { 1, 7 }))),
            "float" => Assert.Throws<InvalidTargetException>(() => classifier.TrainStep(torch.ones(2, 2), torch.tensor(new float[] { 1, 2 }))),
            "mismatch" => Assert.Throws<InvalidTargetException>(() => classifier.TrainStep(torch.ones(3, 2), torch.tensor(new long[] { 1, 2 }))),
            "empty" => Assert.Throws<InvalidTargetException>(() => classifier.TrainStep(torch.ones(0, 2), torch.zeros(0, dtype: ScalarType.Int64))),
            _ => Assert.Throws<InvalidTargetException>(() => regression.TrainStep(torch.ones(4, 2), torch.ones(4))),
        };

        string expected = problem switch
        {
            "out of range" => "TinyClassifier: class index 7 is out of range; the model has 3 outputs, so targets must lie in [0, 2]",
            "float" => "TinyClassifier: CrossEntropy takes class indices (int64, shape 2) but the targets are Float32",
            "mismatch" => "TinyClassifier: the batch holds 3 inputs but 2 targets",
            "empty" => "TinyClassifier received an empty batch",
            _ => "TinyRegression: MSE takes float targets of shape 4×1, but the targets have shape 4",
        };
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_disposed_model_says_so()
    {
        var model = new TinyRegression();
        model.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => model.TrainStep(torch.ones(2, 2), torch.ones(2, 1)));
        Assert.Contains("TinyRegression has been disposed", error.Message);
        Assert.Equal("TinyRegression", error.ObjectName);

        using TensorDataset data = Regression(4);
        Assert.Contains("TinyRegression", Assert.Throws<ObjectDisposedException>(() => model.Fit(data)).Message);
        Assert.Contains("TinyRegression", Assert.Throws<ObjectDisposedException>(() => model.Evaluate(data)).Message);
    }

    private static TensorDataset Regression(int count)
    {
        float[] x = Enumerable.Range(0, count * 2).Select(i => (float)((i % 7) - 3)).ToArray();
        float[] y = Enumerable.Range(0, count).Select(i => (float)i).ToArray();
        return TensorDataset.FromArrays(x, new long[] { 2 }, y, new long[] { 1 });
    }
}

using ModelGen.Samples.Digits;
using System.Linq;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>Backpropagation reaches every layer of a generated model.</summary>
public sealed class GradientFlowTests
{
    [Fact]
    public void After_a_train_step_every_parameter_of_the_digits_cnn_has_a_finite_nonzero_gradient()
    {
        torch.manual_seed(3);
        using var model = new DigitsNet();
        using TensorDataset digits = TestData.Digits(256, DigitsLayout.Image);
        model.Fit(digits, new FitOptions { Epochs = 1, BatchSize = 64, Progress = ProgressMode.None });

        float loss = model.TrainStep(digits.Features, digits.Targets);

        Assert.True(float.IsFinite(loss));
        var parameters = model.named_parameters().ToList();
        Assert.Equal(
            new[] { "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias" },
            parameters.Select(p => p.name));
        foreach ((string name, var parameter) in parameters)
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient.");
            float[] gradient = TestData.Values(parameter.grad!);
            Assert.True(gradient.All(float.IsFinite), $"{name} has a non-finite gradient.");
            Assert.True(gradient.Any(g => g != 0), $"{name}'s gradient is all zero.");
        }
    }
}

using System;
using System.Linq;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training.Formulas;

/// <summary>Initializers' sample mean, variance and bounds against their formulas (120,000 draws).</summary>
public sealed class InitializerFormulaTests
{
    private const double FanIn = 400;
    private const double FanOut = 300;

    [Theory]
    [InlineData(WeightInit.Uniform)]
    [InlineData(WeightInit.XavierNormal)]
    [InlineData(WeightInit.XavierUniform)]
    [InlineData(WeightInit.HeNormal)]
    [InlineData(WeightInit.HeUniform)]
    public void Weights_have_the_formula_mean_variance_and_bounds(WeightInit rule)
    {
        torch.manual_seed(12);
        using var model = new WideLayer();
        Initializers.Apply(model, rule, biasValue: 0.25);
        double[] w = TestData.Values(model.fc1.weight!).Select(v => (double)v).ToArray();

        (double variance, double? bound) = rule switch
        {
            WeightInit.Uniform => (1 / (3 * FanIn), 1 / Math.Sqrt(FanIn)),                       // U[−a, a]: a²/3
            WeightInit.XavierNormal => (2 / (FanIn + FanOut), (double?)null),
            WeightInit.XavierUniform => (2 / (FanIn + FanOut), Math.Sqrt(6 / (FanIn + FanOut))),  // a²/3 = 2/(in + out)
            WeightInit.HeNormal => (2 / FanIn, (double?)null),
            _ => (2 / FanIn, Math.Sqrt(6 / FanIn)),
        };
        double mean = w.Average();
        double sampleVariance = w.Select(x => (x - mean) * (x - mean)).Sum() / (w.Length - 1);

        Assert.InRange(mean, -3 * Math.Sqrt(variance / w.Length), 3 * Math.Sqrt(variance / w.Length));
        Assert.InRange(sampleVariance / variance, 0.98, 1.02);
        if (bound is double a)
        {
            Assert.True(w.All(x => Math.Abs(x) <= a + 1e-7));
            Assert.True(w.Max() > 0.99 * a && w.Min() < -0.99 * a);
        }

        Assert.All(TestData.Values(model.fc1.bias!), b => Assert.Equal(0.25f, b));
    }

    [Fact]
    public void One_layer_can_be_initialized_alone_and_a_wrong_name_is_reported()
    {
        using var model = new DigitsMlp();
        float[] fc1 = TestData.Values(model.fc1.weight!);

        Initializers.Apply(model, WeightInit.Zeros, layer: "fc2");

        Assert.Equal(fc1, TestData.Values(model.fc1.weight!));
        Assert.All(TestData.Values(model.fc2.weight!), w => Assert.Equal(0f, w));
        var error = Assert.Throws<ArgumentException>(() => Initializers.Apply(model, WeightInit.HeNormal, layer: "fc9"));
        Assert.Contains("fc1, fc2", error.Message);
    }
}

using System;
using System.Linq;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training.Initialization;

/// <summary>A model-wide rule: zero weights and a constant bias everywhere.</summary>
[Model(3)]
[Initialize(WeightInit.Zeros, Bias = 0.25)]
[Linear(4), ReLU]
[Linear(2)]
public partial class ZeroInitialized;

/// <summary>A model-wide rule, then an exception for the output layer, applied in source order.</summary>
[Model(200)]
[Initialize(WeightInit.HeNormal)]
[Linear(400), ReLU]
[Linear(300)]
[Initialize(WeightInit.Zeros, Bias = -1, Layer = "fc2")]
public partial class HeThenZeroOutput;

/// <summary>[Initialize] runs in the generated constructor, against the formulas of docs/training.md.</summary>
public sealed class InitializeAttributeTests
{
    [Fact]
    public void ZerosAndAConstantBiasReachEveryLayer()
    {
        using var model = new ZeroInitialized();
        foreach ((string name, TorchSharp.Modules.Parameter parameter) in model.named_parameters())
        {
            float expected = name.EndsWith("bias", StringComparison.Ordinal) ? 0.25f : 0f;
            Assert.True(parameter.data<float>().ToArray().All(value => value == expected), name);
        }
    }

    [Fact]
    public void LaterAttributesOverrideEarlierOnesForTheirLayer()
    {
        torch.manual_seed(7);
        using var model = new HeThenZeroOutput();

        // He normal on fc1: N(0, 2/fan_in) with fan_in = 200, so the variance of 80,000 draws is ≈ 0.01; biases 0.
        float[] weights = model.fc1.weight!.data<float>().ToArray();
        double mean = weights.Average(w => (double)w);
        double variance = weights.Average(w => (w - mean) * (w - mean));
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(variance, 0.0095, 0.0105);
        Assert.True(model.fc1.bias!.data<float>().ToArray().All(b => b == 0f));

        // fc2 was then set to zero weights and biases of −1.
        Assert.True(model.fc2.weight!.data<float>().ToArray().All(w => w == 0f));
        Assert.True(model.fc2.bias!.data<float>().ToArray().All(b => b == -1f));
    }
}

using System;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>Hardtanh against its formula: min(max(x, MinVal), MaxVal), gradient 1 inside and 0 outside.</summary>
public sealed class HardtanhTests
{
    [Fact]
    public void Clamps_to_the_bounds()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -3, -1, -0.25f, 0, 1.5f, 3 });

        Assert.Equal(new float[] { -1, -1, -0.25f, 0, 1, 1 }, new Hardtanh().forward(input).data<float>().ToArray());
        Assert.Equal(new float[] { -0.5f, -0.5f, -0.25f, 0, 1.5f, 2 }, new Hardtanh(-0.5, 2).forward(input).data<float>().ToArray());
    }

    [Fact]
    public void The_gradient_is_one_inside_the_range_and_zero_outside()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -3, -0.5f, 0.5f, 3 }).requires_grad_(true);
        new Hardtanh().forward(input).sum().backward();
        Assert.Equal(new float[] { 0, 1, 1, 0 }, input.grad!.data<float>().ToArray());
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, -2.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(-1.0, double.PositiveInfinity)]
    public void Refuses_bounds_that_are_not_finite_and_increasing(double minVal, double maxVal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Hardtanh(minVal, maxVal));

    [Fact]
    public void TorchSharp_own_Hardtanh_still_does_not_clamp()
    {
        // Why ModelGen.Layers.Hardtanh exists: in TorchSharp 0.107 nn.Hardtanh returns its input.
        // When this fails, TorchSharp is fixed and HardtanhLayer can create nn.Hardtanh again.
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -3, 3 });
        Assert.Equal(new float[] { -3, 3 }, nn.Hardtanh(-1, 1).forward(input).data<float>().ToArray());
    }
}

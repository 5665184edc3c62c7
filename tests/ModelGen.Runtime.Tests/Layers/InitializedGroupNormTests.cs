using System;
using System.Linq;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>GroupNorm created with PyTorch's initialization (γ = 1, β = 0), which TorchSharp 0.107 skips.</summary>
public sealed class InitializedGroupNormTests
{
    [Fact]
    public void Affine_parameters_start_at_one_and_zero()
    {
        using IDisposable scope = NewDisposeScope();
        var layer = InitializedGroupNorm.Create(num_groups: 2, num_channels: 4);

        Assert.Equal(new[] { "weight", "bias" }, layer.named_parameters().Select(p => p.name));
        Assert.Equal(new float[] { 1, 1, 1, 1 }, layer.weight!.data<float>().ToArray());
        Assert.Equal(new float[] { 0, 0, 0, 0 }, layer.bias!.data<float>().ToArray());
        Assert.True(layer.weight!.requires_grad);
    }

    [Fact]
    public void Normalizes_each_group_to_zero_mean_and_unit_variance()
    {
        using IDisposable scope = NewDisposeScope();
        var layer = InitializedGroupNorm.Create(num_groups: 2, num_channels: 4, eps: 1e-5);
        Tensor output = layer.forward(randn(3, 4, 5) * 4 + 3).reshape(3, 2, 10);

        Assert.True(output.mean(new long[] { 2 }).abs().max().item<float>() < 1e-4f);
        Assert.True((output.var(2, unbiased: false) - 1).abs().max().item<float>() < 1e-3f);
    }

    [Fact]
    public void Without_affine_there_are_no_parameters()
    {
        var layer = InitializedGroupNorm.Create(num_groups: 1, num_channels: 3, affine: false);
        Assert.Empty(layer.parameters());
    }
}

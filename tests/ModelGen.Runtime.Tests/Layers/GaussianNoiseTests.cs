using System;
using System.Linq;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>GaussianNoise against its formula: y = x + σ·ε, ε ~ N(0, 1), in training; y = x in evaluation.</summary>
public sealed class GaussianNoiseTests
{
    [Fact]
    public void Evaluation_mode_is_the_identity()
    {
        using IDisposable scope = NewDisposeScope();
        var noise = new GaussianNoise(0.5);
        noise.eval();
        Tensor input = randn(4, 3, 5);

        Tensor output = noise.forward(input);

        Assert.True(output.eq(input).all().item<bool>());
        Assert.Equal(input.shape, output.shape);
    }

    [Fact]
    public void Training_adds_zero_mean_noise_with_the_declared_standard_deviation()
    {
        using IDisposable scope = NewDisposeScope();
        manual_seed(7);
        var noise = new GaussianNoise(0.3);
        Tensor input = full(new long[] { 200, 500 }, 2.0f);

        Tensor added = noise.forward(input) - input;

        // 100,000 draws: the sample mean's standard error is 0.3/√100000 ≈ 0.001, the std's ≈ 0.0007.
        Assert.InRange(added.mean().item<float>(), -0.005, 0.005);
        Assert.InRange(added.std().item<float>(), 0.295, 0.305);
        Assert.True(noise.training);
    }

    [Fact]
    public void Each_call_draws_new_noise()
    {
        using IDisposable scope = NewDisposeScope();
        var noise = new GaussianNoise(1.0);
        Tensor input = zeros(10);
        Assert.False(noise.forward(input).eq(noise.forward(input)).all().item<bool>());
    }

    [Fact]
    public void Zero_std_is_the_identity_even_in_training()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = randn(3, 4);
        Assert.True(new GaussianNoise(0).forward(input).eq(input).all().item<bool>());
    }

    [Fact]
    public void Gradient_passes_through_unchanged()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = randn(3, 4).requires_grad_(true);
        new GaussianNoise(0.2).forward(input).sum().backward();
        Assert.True(input.grad!.eq(ones(3, 4)).all().item<bool>());
    }

    [Fact]
    public void Has_no_parameters_or_buffers()
    {
        var noise = new GaussianNoise(0.1);
        Assert.Empty(noise.parameters());
        Assert.Empty(noise.buffers());
        Assert.Equal(0.1, noise.Std);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_standard_deviation_that_is_negative_or_not_finite(double std) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(std));
}

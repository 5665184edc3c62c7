using System;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>BinaryStep against its formula: 1 for x &gt; 0, 0 for x &lt; 0, ValueAtZero at 0; gradient 0.</summary>
public sealed class BinaryStepTests
{
    [Fact]
    public void Outputs_the_step_with_one_at_zero_by_default()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -2.5f, -1e-7f, 0f, 1e-7f, 3f, float.NegativeInfinity, float.PositiveInfinity });

        float[] output = new BinaryStep().forward(input).data<float>().ToArray();

        Assert.Equal(new float[] { 0, 0, 1, 1, 1, 0, 1 }, output);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void ValueAtZero_replaces_the_output_at_exactly_zero_only(double valueAtZero)
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -1, 0, 1, -0f });

        float[] output = new BinaryStep(valueAtZero).forward(input).data<float>().ToArray();

        Assert.Equal(new float[] { 0, (float)valueAtZero, 1, (float)valueAtZero }, output);
    }

    [Fact]
    public void Keeps_shape_and_type_and_lets_NaN_through()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = randn(2, 3, 4, dtype: float64);
        input[0, 0, 0] = tensor(double.NaN, float64);

        Tensor output = new BinaryStep().forward(input);

        Assert.Equal(input.shape, output.shape);
        Assert.Equal(float64, output.dtype);
        Assert.True(double.IsNaN(output[0, 0, 0].item<double>()));
    }

    [Fact]
    public void The_gradient_is_zero_everywhere_and_backward_still_runs()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { -3, -0.5f, 0, 0.5f, 3 }).requires_grad_(true);

        Tensor output = new BinaryStep().forward(input);
        Assert.True(output.requires_grad);
        (output * tensor(new float[] { 1, 2, 3, 4, 5 })).sum().backward();

        Assert.Equal(new float[] { 0, 0, 0, 0, 0 }, input.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Has_no_parameters_or_buffers()
    {
        var step = new BinaryStep();
        Assert.Empty(step.parameters());
        Assert.Empty(step.buffers());
        Assert.Equal(1.0, step.ValueAtZero);
    }
}

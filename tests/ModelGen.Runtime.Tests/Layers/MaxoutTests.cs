using System;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>Maxout against its formula: output j = max(x[j·k], …, x[j·k + k − 1]) along the pieced dimension.</summary>
public sealed class MaxoutTests
{
    [Fact]
    public void Flat_features_shrink_by_the_number_of_pieces()
    {
        using IDisposable scope = NewDisposeScope();
        // Two samples of 6 features, k = 2: max(1, 4) = 4, max(−2, −5) = −2, max(3, 3) = 3.
        Tensor input = tensor(new float[] { 1, 4, -2, -5, 3, 3, 0, -1, 7, 8, -9, 2 }).reshape(2, 6);

        Tensor output = new Maxout(2).forward(input);

        Assert.Equal(new long[] { 2, 3 }, output.shape);
        Assert.Equal(new float[] { 4, -2, 3, 0, 8, 2 }, output.data<float>().ToArray());
    }

    [Fact]
    public void Three_pieces_take_the_maximum_of_three_adjacent_features()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { 1, 9, 2, -3, -1, -2 }).reshape(1, 6);
        Assert.Equal(new float[] { 9, -1 }, new Maxout(3).forward(input).data<float>().ToArray());
    }

    [Fact]
    public void Channels_of_a_feature_map_are_pieced_position_by_position()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = randn(2, 6, 3, 3);

        Tensor output = new Maxout(3, dim: 1).forward(input);

        Assert.Equal(new long[] { 2, 2, 3, 3 }, output.shape);
        Tensor first = maximum(maximum(input[.., 0], input[.., 1]), input[.., 2]);
        Tensor second = maximum(maximum(input[.., 3], input[.., 4]), input[.., 5]);
        Assert.True(output[.., 0].eq(first).all().item<bool>());
        Assert.True(output[.., 1].eq(second).all().item<bool>());
    }

    [Fact]
    public void A_negative_dimension_counts_from_the_end()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = randn(2, 5, 8);
        Tensor output = new Maxout(4, dim: -1).forward(input);
        Assert.Equal(new long[] { 2, 5, 2 }, output.shape);
        Assert.True(output.eq(input.reshape(2, 5, 2, 4).amax(new long[] { 3 })).all().item<bool>());
    }

    [Fact]
    public void The_gradient_reaches_only_the_winning_piece()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor input = tensor(new float[] { 1, 4, -2, -5 }).reshape(1, 4).requires_grad_(true);
        new Maxout(2).forward(input).sum().backward();
        Assert.Equal(new float[] { 0, 1, 1, 0 }, input.grad!.data<float>().ToArray());
    }

    [Fact]
    public void A_size_the_pieces_do_not_divide_is_refused_with_the_shape()
    {
        using IDisposable scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => new Maxout(4).forward(zeros(2, 6)));
        Assert.Contains("4 pieces", error.Message);
        Assert.Contains("2×6", error.Message);
        Assert.Throws<ArgumentException>(() => new Maxout(2, dim: 3).forward(zeros(2, 6)));
    }

    [Fact]
    public void Has_no_parameters_and_needs_positive_pieces()
    {
        Assert.Empty(new Maxout(2).parameters());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Maxout(0));
    }
}

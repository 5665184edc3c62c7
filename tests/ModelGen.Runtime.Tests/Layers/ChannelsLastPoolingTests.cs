using System;
using ModelGen.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Layers;

/// <summary>
/// Channels-last max pooling against libtorch's max_pool2d_with_indices on the usual layout: the
/// same values and arg-max indices, bit for bit, for every window option, with ties (ReLU zeros and
/// constant maps) and NaN, and contiguous results.
/// </summary>
public sealed class ChannelsLastPoolingTests
{
    public static TheoryData<long, long, long, long, long, bool> Windows => new()
    {
        // kernel, stride, padding, dilation, size, ceil mode
        { 2, 2, 0, 1, 8, false },
        { 3, 2, 1, 1, 9, false },
        { 2, 1, 0, 1, 7, false },
        { 3, 3, 1, 2, 11, true },
        { 2, 2, 0, 1, 7, true },
        { 3, 2, 0, 1, 6, true },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Equals_max_pool2d_values_and_indices(long kernel, long stride, long padding, long dilation, long size, bool ceilMode)
    {
        using IDisposable scope = NewDisposeScope();
        torch.manual_seed(11);
        long[] k = { kernel, kernel }, s = { stride, stride }, p = { padding, padding }, d = { dilation, dilation };
        foreach (ScalarType type in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            // Half the entries are zero after ReLU: ties inside windows, where the first maximum must win.
            Tensor x = randn(new long[] { 3, 16, size, size + 1 }, dtype: type).relu();

            (Tensor expected, Tensor expectedIndices) = nn.functional.max_pool2d_with_indices(x, k, s, p, d, ceilMode);
            (Tensor values, Tensor indices) = ChannelsLastPooling.MaxPool2dWithIndices(x, k, s, p, d, ceilMode);
            Tensor plain = ChannelsLastPooling.MaxPool2d(x, k, s, p, d, ceilMode);

            Assert.Equal(expected.shape, values.shape);
            Assert.True(values.equal(expected).all().item<bool>());
            Assert.True(indices.equal(expectedIndices).all().item<bool>());
            Assert.True(plain.equal(expected).all().item<bool>());
            Assert.True(values.is_contiguous() && indices.is_contiguous() && plain.is_contiguous());
        }
    }

    [Fact]
    public void Ties_go_to_the_first_position_of_the_window_as_in_libtorch()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor x = zeros(new long[] { 2, 8, 4, 4 });
        long[] two = { 2, 2 }, zero = { 0, 0 }, one = { 1, 1 };

        (_, Tensor indices) = ChannelsLastPooling.MaxPool2dWithIndices(x, two, two, zero, one, false);

        // The first position of each 2×2 window of a 4×4 map: 0, 2, 8, 10.
        Assert.Equal(new long[] { 0, 2, 8, 10 }, indices[0, 0].flatten().data<long>().ToArray());
        (_, Tensor expected) = nn.functional.max_pool2d_with_indices(x, two, two, zero, one, false);
        Assert.True(indices.equal(expected).all().item<bool>());
    }

    [Fact]
    public void A_NaN_in_a_window_is_its_maximum()
    {
        using IDisposable scope = NewDisposeScope();
        Tensor x = rand(1, 8, 4, 4);
        x[0, 3, 1, 0] = tensor(float.NaN);
        long[] two = { 2, 2 }, zero = { 0, 0 }, one = { 1, 1 };

        Tensor values = ChannelsLastPooling.MaxPool2d(x, two, two, zero, one, false);

        Assert.True(float.IsNaN(values[0, 3, 0, 0].item<float>()));
        Assert.Equal(1, values.isnan().sum().item<long>());
    }

    [Fact]
    public void Rejects_a_tensor_that_is_not_four_dimensional()
    {
        using IDisposable scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => ChannelsLastPooling.MaxPool2d(rand(8, 4, 4), new long[] { 2, 2 }, new long[] { 2, 2 }, new long[] { 0, 0 }, new long[] { 1, 1 }, false));
        Assert.Contains("N×C×H×W", error.Message);
    }
}

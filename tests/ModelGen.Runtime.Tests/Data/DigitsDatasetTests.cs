using System;
using System.Linq;
using ModelGen.Data;
using Xunit;

namespace ModelGen.Runtime.Tests.Data;

public sealed class DigitsDatasetTests
{
    [Fact]
    public void Images_are_1797_scaled_8x8_pictures_with_int64_labels()
    {
        using TensorDataset digits = DigitsDataset.Load();

        Assert.Equal(1797, digits.Count);
        Assert.Equal(new long[] { 1797, 1, 8, 8 }, digits.Features.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, digits.Features.dtype);
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, digits.Targets.dtype);
        float[] pixels = TestData.Values(digits.Features);
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
        Assert.All(pixels, p => Assert.Equal(0f, (p * 16) - MathF.Round(p * 16))); // counts 0..16 divided by 16
    }

    [Fact]
    public void The_first_row_is_the_first_line_of_the_file_and_every_class_is_present()
    {
        using TensorDataset digits = DigitsDataset.Load(DigitsLayout.Flat);

        Assert.Equal(new long[] { 1797, 64 }, digits.Features.shape);
        // The first line of digits.csv: a zero.
        float[] first = { 0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0 };
        Assert.Equal(first.Select(p => p / 16), TestData.Values(digits.Features[0]).Take(16));
        long[] labels = digits.Targets.data<long>().ToArray();
        Assert.Equal(0, labels[0]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels.Distinct().Order());
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(labels.Count(l => l == c), 170, 190)); // about 180 each
    }

    [Fact]
    public void The_description_credits_the_source()
    {
        Assert.Contains("Optical recognition of handwritten digits", DigitsDataset.Description);
    }
}

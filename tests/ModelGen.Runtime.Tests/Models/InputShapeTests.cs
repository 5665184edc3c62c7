using ModelGen.Samples.Digits;
using ModelGen.Runtime.Tests.Models;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Models;

public sealed class InputShapeTests
{
    [Fact]
    public void A_wrong_input_shape_names_the_model_and_both_shapes()
    {
        using var model = new DigitsNet();
        using var flat = torch.zeros(4, 64);

        var error = Assert.Throws<InputShapeException>(() => model.forward(flat));

        Assert.Equal("DigitsNet", error.Model);
        Assert.Equal(new TensorShape(1, 8, 8), error.Expected);
        Assert.Equal(new long[] { 4, 64 }, error.Actual);
        Assert.Contains("DigitsNet", error.Message);
        Assert.Contains("N×1×8×8", error.Message);
        Assert.Contains("4×64", error.Message);
    }

    [Fact]
    public void A_sample_without_its_batch_dimension_gets_a_hint()
    {
        using var model = new DigitsNet();
        using var sample = torch.zeros(1, 8, 8);

        var error = Assert.Throws<InputShapeException>(() => model.forward(sample));

        Assert.Contains("1×1×8×8", error.Message);
    }

    [Fact]
    public void Training_on_the_wrong_shape_fails_the_same_way()
    {
        using var model = new DigitsNet();
        using var images = torch.zeros(2, 1, 7, 7);
        using var labels = torch.zeros(new long[] { 2 }, dtype: torch.ScalarType.Int64);

        var error = Assert.Throws<InputShapeException>(() => model.TrainStep(images, labels));

        Assert.Contains("2×1×7×7", error.Message);
    }
}

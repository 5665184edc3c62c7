using System;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Models;

/// <summary>A model without a training step, to dispose.</summary>
[Model(3)]
[Linear(2), ReLU]
public partial class InferenceOnly;

/// <summary>forward on a disposed model names the model instead of libtorch's "empty handle".</summary>
public sealed class DisposedModelTests
{
    [Fact]
    public void ForwardOnADisposedModelNamesIt()
    {
        var model = new InferenceOnly();
        Assert.False(model.IsDisposed);
        model.Dispose();

        Assert.True(((IGeneratedModel)model).IsDisposed);
        using torch.Tensor input = torch.ones(1, 3);
        var error = Assert.Throws<ObjectDisposedException>(() => model.forward(input));
        Assert.Equal("InferenceOnly", error.ObjectName);
        Assert.Contains("InferenceOnly has been disposed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardOnADisposedTrainableModelNamesIt()
    {
        var model = new DigitsMlp();
        model.Dispose();

        using torch.Tensor input = torch.ones(1, 64);
        var error = Assert.Throws<ObjectDisposedException>(() => model.forward(input));
        Assert.Equal("DigitsMlp", error.ObjectName);
    }
}

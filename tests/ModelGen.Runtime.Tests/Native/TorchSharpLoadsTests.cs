using System;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Native;

/// <summary>TorchSharp's native library loads in this output (patched by the build where needed) and computes.</summary>
public sealed class TorchSharpLoadsTests
{
    [Fact]
    public void Tensor_op_matches_hand_computed_product()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        using var b = torch.tensor(new float[] { 7, 8, 9, 10, 11, 12 }, new long[] { 3, 2 });
        using var product = a.matmul(b);

        // [[1·7+2·9+3·11, 1·8+2·10+3·12], [4·7+5·9+6·11, 4·8+5·10+6·12]]
        Assert.Equal(new long[] { 2, 2 }, product.shape);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, TestData.Values(product));
    }

    [Fact]
    public void Backward_gives_the_analytic_gradient()
    {
        double[] points = { -1.5, 0.25, 2.0 };
        using var x = torch.tensor(points, requires_grad: true);
        using var y = (x.sin() * x).sum();
        y.backward();

        // d/dx Σ x·sin x = sin x + x·cos x
        double[] gradient = x.grad!.data<double>().ToArray();
        for (int i = 0; i < points.Length; i++)
        {
            double expected = Math.Sin(points[i]) + points[i] * Math.Cos(points[i]);
            Assert.Equal(expected, gradient[i], 12);
        }
    }
}

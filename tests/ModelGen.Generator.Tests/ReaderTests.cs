using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Roslyn;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>The attribute reader: source order, display text, and defaults equal to the attributes' own.</summary>
public sealed class ReaderTests
{
    [Fact]
    public void AttributesAreReadInSourceOrderWithTheirText()
    {
        ModelDeclaration declaration = Read("[Model(1, 8, 8)]\n[Conv2d(16,   Kernel = 3), ReLU]\n[MaxPool2d(2)]\n[Flatten]\n[Linear(10)]\npublic partial class A;");
        Assert.Equal(
            new[] { "Conv2d(16, Kernel = 3)", "ReLU", "MaxPool2d(2)", "Flatten", "Linear(10)" },
            declaration.Spec.Layers.Select(l => l.Display).ToArray());
        Assert.Equal(new[] { 1, 8, 8 }, declaration.Spec.InputShape.ToArray());
    }

    [Fact]
    public void UnsetArgumentsTakeTheAttributesDefaults()
    {
        ModelDeclaration declaration = Read(
            "[Model(4, 8, 8)] [Conv2d(2, Kernel = 3), MaxPool2d(2), AvgPool2d(3)] [Flatten, Linear(5), BatchNorm1d, Dropout, LeakyReLU, Softmax, LogSoftmax] " +
            "[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)] public partial class A;");
        LayerSpec[] layers = declaration.Spec.Layers.ToArray();
        var conv2d = (ConvLayer.Spec)layers[0];
        var (maxPool, avgPool) = ((PoolLayer.Spec)layers[1], (PoolLayer.Spec)layers[2]);

        var conv = new Conv2dAttribute(2) { Kernel = 3 };
        Assert.Equal(new Pair(conv.Stride, conv.Stride), conv2d.Stride);
        Assert.Equal(new Pair(conv.Padding, conv.Padding), conv2d.Padding);
        Assert.Equal(new Pair(conv.Dilation, conv.Dilation), conv2d.Dilation);
        Assert.Equal(conv.Bias, conv2d.Bias);

        // PyTorch: a pool's stride defaults to its window.
        Assert.Equal(Pair.Square(2), maxPool.Stride);
        Assert.Equal(Pair.Square(3), avgPool.Stride);
        Assert.Equal(new Pair(new MaxPool2dAttribute(2).Padding, new MaxPool2dAttribute(2).Padding), maxPool.Padding);

        Assert.Equal(new LinearAttribute(5).Bias, ((LinearLayer.Spec)layers[4]).Bias);
        Assert.Equal(new BatchNorm1dAttribute().Eps, ((BatchNormLayer.Spec)layers[5]).Eps);
        Assert.Equal(new BatchNorm1dAttribute().Momentum, ((BatchNormLayer.Spec)layers[5]).Momentum);
        Assert.Equal(new DropoutAttribute().P, ((DropoutLayer.Spec)layers[6]).P);
        Assert.Equal(new LeakyReLUAttribute().NegativeSlope, ((LeakyReLULayer.Spec)layers[7]).NegativeSlope);
        Assert.Equal(new SoftmaxAttribute().Dim, ((SoftmaxLayer.Spec)layers[8]).Dim);
        Assert.Equal(new LogSoftmaxAttribute().Dim, ((SoftmaxLayer.Spec)layers[9]).Dim);

        var optimizer = new OptimizerAttribute(OptimizerKind.SGD);
        Assert.Equal(optimizer.LearningRate, declaration.Spec.Optimizer!.LearningRate);
        Assert.Equal(optimizer.Momentum, declaration.Spec.Optimizer.Momentum);
        Assert.Equal(optimizer.WeightDecay, declaration.Spec.Optimizer.WeightDecay);
    }

    [Fact]
    public void HeightAndWidthOverrideTheSquareSetting()
    {
        var conv = (ConvLayer.Spec)Read("[Model(1, 9, 9)] [Conv2d(2, Kernel = 3, KernelWidth = 5, Stride = 2, StrideHeight = 1, PaddingWidth = 1)] public partial class A;").Spec.Layers[0];
        Assert.Equal(new Pair(3, 5), conv.Kernel);
        Assert.Equal(new Pair(1, 2), conv.Stride);
        Assert.Equal(new Pair(0, 1), conv.Padding);
    }

    [Fact]
    public void EnumValuesMirrorTheRuntimeEnums()
    {
        Assert.Equal(
            System.Enum.GetValues<LossKind>().Select(v => (v.ToString(), (int)v)),
            System.Enum.GetValues<LossKindSpec>().Select(v => (v.ToString(), (int)v)));
        Assert.Equal(
            System.Enum.GetValues<OptimizerKind>().Select(v => (v.ToString(), (int)v)),
            System.Enum.GetValues<OptimizerKindSpec>().Select(v => (v.ToString(), (int)v)));
    }

    [Fact]
    public void EveryLayerKindHasAnAttribute()
    {
        foreach (string kind in LayerCatalog.Entries.Select(entry => entry.Name))
        {
            System.Type? attribute = typeof(ModelAttribute).Assembly.GetType($"ModelGen.{kind}Attribute");
            Assert.True(attribute is not null && attribute.IsSubclassOf(typeof(LayerAttribute)), $"{kind} has no layer attribute");
        }
    }

    private static ModelDeclaration Read(string declaration)
    {
        Compilation compilation = TestCompilation.Create("using ModelGen;\n" + declaration);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("A")!;
        return ModelSpecReader.Read(type, default);
    }
}

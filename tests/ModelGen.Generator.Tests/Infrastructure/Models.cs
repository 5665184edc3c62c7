using System.IO;

namespace ModelGen.Generator.Tests.Infrastructure;

/// <summary>Model declarations shared by the generator tests.</summary>
internal static class Models
{
    public const string Mlp = """
        using ModelGen;

        namespace Samples;

        [Model(64)]
        [Linear(32), ReLU]
        [Linear(10)]
        [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD, LearningRate = 0.1, Momentum = 0.9)]
        public partial class Mlp;
        """;

    /// <summary>samples/Digits/DigitsNet.cs, embedded: the snapshot is the sample's real generated code.</summary>
    public static string DigitsCnn { get; } = Resource("DigitsNet.cs");

    /// <summary>Every layer of the catalog, rectangular windows and non-default arguments included.</summary>
    public const string EveryLayer = """
        using ModelGen;

        namespace Samples.Catalog;

        [Model(3, 32, 24)]
        [Conv2d(8, KernelHeight = 5, KernelWidth = 3, StrideHeight = 2, Padding = 1, Dilation = 2, Bias = false)]
        [BatchNorm2d(Eps = 1e-3, Momentum = 0.05), LeakyReLU(NegativeSlope = 0.2)]
        [MaxPool2d(2, Stride = 1)]
        [AvgPool2d(3, Padding = 1), Sigmoid]
        [Flatten]
        [Linear(16, Bias = false), BatchNorm1d, Tanh, Dropout(0.1)]
        [Linear(4), Softmax(Dim = -1), LogSoftmax]
        [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.5, WeightDecay = 1e-4)]
        public partial class EveryLayer;
        """;

    /// <summary>A model nested in a class, in the global namespace, without training attributes.</summary>
    public const string NestedWithoutTraining = """
        using ModelGen;

        public static partial class Outer
        {
            [Model(4)]
            [Linear(1, Bias = true), Sigmoid]
            internal partial class Perceptron;
        }
        """;

    private static string Resource(string name)
    {
        using Stream stream = typeof(Models).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

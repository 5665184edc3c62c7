namespace ModelGen.Domain
{
    /// <summary>The layer catalog. The attribute of each kind is <c>ModelGen.{Kind}Attribute</c>.</summary>
    internal enum LayerKind
    {
        Linear,
        Conv2d,
        MaxPool2d,
        AvgPool2d,
        Flatten,
        Dropout,
        BatchNorm1d,
        BatchNorm2d,
        ReLU,
        LeakyReLU,
        Sigmoid,
        Tanh,
        Softmax,
        LogSoftmax,
    }

    /// <summary>Mirrors <c>ModelGen.LossKind</c>; the numeric values must match.</summary>
    internal enum LossKindSpec
    {
        MSE = 0,
        CrossEntropy = 1,
        BCEWithLogits = 2,
    }

    /// <summary>Mirrors <c>ModelGen.OptimizerKind</c>; the numeric values must match.</summary>
    internal enum OptimizerKindSpec
    {
        SGD = 0,
        Adam = 1,
    }
}

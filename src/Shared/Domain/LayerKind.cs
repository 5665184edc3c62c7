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
}

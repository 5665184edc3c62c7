namespace ModelGen.Domain
{
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

    /// <summary>The declared loss.</summary>
    internal sealed record LossSpec(LossKindSpec Kind, string Display);

    /// <summary>The declared optimizer.</summary>
    internal sealed record OptimizerSpec(OptimizerKindSpec Kind, string Display, double LearningRate, double Momentum, double WeightDecay);
}

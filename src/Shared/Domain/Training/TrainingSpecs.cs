namespace ModelGen.Domain
{
    /// <summary>Mirrors <c>ModelGen.LossKind</c>; the numeric values must match (a test compares them).</summary>
    internal enum LossKindSpec
    {
        MSE = 0,
        CrossEntropy = 1,
        BCEWithLogits = 2,
        MAE = 3,
        Huber = 4,
        BCE = 5,
        NLL = 6,
        KLDivergence = 7,
    }

    /// <summary>Mirrors <c>ModelGen.LossReduction</c>.</summary>
    internal enum LossReductionSpec
    {
        Mean = 0,
        Sum = 1,
    }

    /// <summary>Mirrors <c>ModelGen.OptimizerKind</c>; the numeric values must match.</summary>
    internal enum OptimizerKindSpec
    {
        SGD = 0,
        Adam = 1,
        Adagrad = 2,
        Adadelta = 3,
        RMSprop = 4,
        AdamW = 5,
        Adamax = 6,
        NAdam = 7,
    }

    /// <summary>The declared loss: the function and every setting of <c>[Loss]</c>, defaults filled in.</summary>
    /// <param name="Kind">The loss function.</param>
    /// <param name="Display">The attribute as written, for messages and comments.</param>
    /// <param name="Reduction">Mean or sum.</param>
    /// <param name="LabelSmoothing">Cross-entropy's ε.</param>
    /// <param name="HuberDelta">Huber's δ.</param>
    /// <param name="ClassWeights">Per-class weights; empty for none.</param>
    /// <param name="L1">The L1 penalty λ.</param>
    /// <param name="L2">The L2 penalty λ.</param>
    /// <param name="Written">The named arguments written, so that a setting the kind ignores is reported only when given.</param>
    internal sealed record LossSpec(
        LossKindSpec Kind,
        string Display,
        LossReductionSpec Reduction = LossReductionSpec.Mean,
        double LabelSmoothing = 0,
        double HuberDelta = 1,
        EquatableArray<double> ClassWeights = default,
        double L1 = 0,
        double L2 = 0,
        EquatableArray<string> Written = default);

    /// <summary>
    /// The declared optimizer: the kind and every hyperparameter, defaults filled in (PyTorch's, per
    /// kind); <c>Written</c> holds the named arguments given.
    /// </summary>
    internal sealed record OptimizerSpec(
        OptimizerKindSpec Kind,
        string Display,
        double LearningRate,
        double Momentum,
        double WeightDecay,
        bool Nesterov = false,
        double Beta1 = OptimizerDefaultsSpec.Beta1,
        double Beta2 = OptimizerDefaultsSpec.Beta2,
        double Epsilon = 1e-8,
        double Rho = OptimizerDefaultsSpec.Rho,
        double Alpha = OptimizerDefaultsSpec.Alpha,
        bool Centered = false,
        double LearningRateDecay = 0,
        double MomentumDecay = OptimizerDefaultsSpec.MomentumDecay,
        double ClipNorm = 0,
        double ClipValue = 0,
        EquatableArray<string> Written = default);

    /// <summary>
    /// The compile-time copy of <c>ModelGen.Training.OptimizerDefaults</c> (the generator cannot
    /// reference the runtime); a test compares the two for every kind.
    /// </summary>
    internal static class OptimizerDefaultsSpec
    {
        public const double Beta1 = 0.9;
        public const double Beta2 = 0.999;
        public const double Rho = 0.9;
        public const double Alpha = 0.99;
        public const double MomentumDecay = 0.004;

        public static double LearningRate(OptimizerKindSpec kind) => kind switch
        {
            OptimizerKindSpec.Adadelta => 1.0,
            OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW => 0.001,
            OptimizerKindSpec.Adamax or OptimizerKindSpec.NAdam => 0.002,
            _ => 0.01,
        };

        public static double Epsilon(OptimizerKindSpec kind) => kind switch
        {
            OptimizerKindSpec.Adagrad => 1e-10,
            OptimizerKindSpec.Adadelta => 1e-6,
            _ => 1e-8,
        };

        public static double WeightDecay(OptimizerKindSpec kind) => kind == OptimizerKindSpec.AdamW ? 0.01 : 0.0;
    }
}

namespace ModelGen.Training
{
    /// <summary>
    /// PyTorch's default hyperparameters per optimizer, which <see cref="OptimizerAttribute"/> and
    /// <see cref="OptimizerSettings"/> use when a value is not given. SGD has no default learning rate
    /// in PyTorch; ModelGen uses 0.01.
    /// </summary>
    public static class OptimizerDefaults
    {
        /// <summary>β₁ of the Adam family: 0.9.</summary>
        public const double Beta1 = 0.9;

        /// <summary>β₂ of the Adam family: 0.999.</summary>
        public const double Beta2 = 0.999;

        /// <summary>Adadelta's ρ: 0.9.</summary>
        public const double Rho = 0.9;

        /// <summary>RMSprop's α: 0.99.</summary>
        public const double Alpha = 0.99;

        /// <summary>NAdam's momentum decay ψ: 0.004.</summary>
        public const double MomentumDecay = 0.004;

        /// <summary>The default learning rate of <paramref name="kind"/>.</summary>
        /// <param name="kind">The optimizer.</param>
        /// <returns>0.01 for SGD, Adagrad and RMSprop; 1 for Adadelta; 0.001 for Adam and AdamW; 0.002 for Adamax and NAdam.</returns>
        public static double LearningRate(OptimizerKind kind) => kind switch
        {
            OptimizerKind.Adadelta => 1.0,
            OptimizerKind.Adam or OptimizerKind.AdamW => 0.001,
            OptimizerKind.Adamax or OptimizerKind.NAdam => 0.002,
            _ => 0.01,
        };

        /// <summary>The default ε of <paramref name="kind"/>.</summary>
        /// <param name="kind">The optimizer.</param>
        /// <returns>1e-10 for Adagrad, 1e-6 for Adadelta, 1e-8 otherwise (SGD does not use it).</returns>
        public static double Epsilon(OptimizerKind kind) => kind switch
        {
            OptimizerKind.Adagrad => 1e-10,
            OptimizerKind.Adadelta => 1e-6,
            _ => 1e-8,
        };

        /// <summary>The default weight decay of <paramref name="kind"/>.</summary>
        /// <param name="kind">The optimizer.</param>
        /// <returns>0.01 for AdamW, 0 otherwise.</returns>
        public static double WeightDecay(OptimizerKind kind) => kind == OptimizerKind.AdamW ? 0.01 : 0.0;
    }
}

using System;

namespace ModelGen
{
    /// <summary>The loss functions a model can declare with <see cref="LossAttribute"/>.</summary>
    public enum LossKind
    {
        /// <summary>Mean squared error; targets have the output's shape.</summary>
        MSE = 0,

        /// <summary>Cross-entropy over logits; targets are class indices (int64).</summary>
        CrossEntropy = 1,

        /// <summary>Binary cross-entropy over logits; targets are 0/1 floats of the output's shape.</summary>
        BCEWithLogits = 2,
    }

    /// <summary>The optimizers a model can declare with <see cref="OptimizerAttribute"/>.</summary>
    public enum OptimizerKind
    {
        /// <summary>Stochastic gradient descent, with optional momentum.</summary>
        SGD = 0,

        /// <summary>Adam (Kingma and Ba, 2015).</summary>
        Adam = 1,
    }

    /// <summary>Declares the loss the generated training step minimizes.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LossAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kind">The loss function.</param>
        public LossAttribute(LossKind kind) => Kind = kind;

        /// <summary>The loss function.</summary>
        public LossKind Kind { get; }
    }

    /// <summary>Declares the optimizer of the generated training step.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OptimizerAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kind">The optimizer.</param>
        public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

        /// <summary>The optimizer.</summary>
        public OptimizerKind Kind { get; }

        /// <summary>The learning rate (default 0.01).</summary>
        public double LearningRate { get; set; } = 0.01;

        /// <summary>SGD momentum (default 0; ignored by Adam).</summary>
        public double Momentum { get; set; }

        /// <summary>L2 weight decay (default 0).</summary>
        public double WeightDecay { get; set; }
    }
}

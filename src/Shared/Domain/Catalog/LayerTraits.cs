using System;

namespace ModelGen.Domain
{
    /// <summary>What analyzers may ask of a kind without naming it.</summary>
    [Flags]
    internal enum LayerTraits
    {
        None = 0,

        /// <summary>An element-wise non-linearity (ReLU, tanh, …); Softmax is one too.</summary>
        Activation = 1 << 0,

        /// <summary>An affine map of its input (Linear, convolutions): two in a row collapse into one.</summary>
        LinearMap = 1 << 1,

        /// <summary>Normalizes its input with learned scale and shift, which removes a preceding bias.</summary>
        Normalizes = 1 << 2,

        /// <summary>Has no useful gradient (a step function): nothing below it learns.</summary>
        NoGradient = 1 << 3,

        /// <summary>Only acts in training (dropout, noise); the identity in evaluation.</summary>
        TrainingOnly = 1 << 4,

        /// <summary>Normalizes to a probability distribution (Softmax) or its logarithm (LogSoftmax).</summary>
        Probabilities = 1 << 5,

        /// <summary>Rearranges or resizes the tensor without arithmetic on its values (Flatten, pooling excluded).</summary>
        Reshapes = 1 << 6,
    }
}

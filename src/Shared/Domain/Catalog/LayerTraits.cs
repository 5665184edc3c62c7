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

        /// <summary>
        /// Bounded, with a derivative that tends to 0 for large |x| (sigmoid: at most 0.25; tanh: at
        /// most 1, below 0.07 for |x| &gt; 2): a deep stack of them shrinks the gradient layer by layer.
        /// </summary>
        Saturating = 1 << 7,

        /// <summary>Every output lies in (0, 1): a probability per element (Sigmoid) or per class (Softmax), what BCE expects.</summary>
        UnitInterval = 1 << 8,

        /// <summary>Outputs log-probabilities (LogSoftmax): what NLL and KL-divergence losses expect.</summary>
        LogProbabilities = 1 << 9,

        /// <summary>
        /// Subtracts a per-channel mean (over the batch, or per sample over the channel's positions)
        /// and adds a learned shift β, so a per-channel bias added directly before it is cancelled:
        /// batch and instance norm (group norm with one channel per group). Not layer norm, which
        /// subtracts the mean across the features and keeps a bias's differences between them.
        /// </summary>
        CancelsChannelBias = 1 << 10,
    }
}

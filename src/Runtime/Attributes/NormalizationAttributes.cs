using System;

namespace ModelGen
{
    /// <summary>
    /// Batch normalization over the channels of a volume (N×C×D×H×W): learned scale and shift per
    /// channel (2·C parameters) and running mean and variance (2·C buffers).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BatchNorm3dAttribute : LayerAttribute
    {
        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>The running statistics' update factor (default 0.1).</summary>
        public double Momentum { get; set; } = 0.1;
    }

    /// <summary>
    /// Layer normalization: each sample is normalized over its last <see cref="NormalizedDims"/>
    /// dimensions (the features by default), then scaled and shifted element-wise. PyTorch's
    /// <c>normalized_shape</c> is inferred: those trailing dimensions of the input. Parameters:
    /// 2·E, E the number of normalized elements (E without <see cref="Bias"/>, none without
    /// <see cref="ElementwiseAffine"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LayerNormAttribute : LayerAttribute
    {
        /// <summary>How many trailing dimensions are normalized together (default 1, the last; 3 normalizes a whole C×H×W sample).</summary>
        public int NormalizedDims { get; set; } = 1;

        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>Whether an element-wise scale (and shift, see <see cref="Bias"/>) is learned (default true).</summary>
        public bool ElementwiseAffine { get; set; } = true;

        /// <summary>Whether the element-wise shift is learned when <see cref="ElementwiseAffine"/> is on (default true).</summary>
        public bool Bias { get; set; } = true;
    }

    /// <summary>
    /// Group normalization: the channels (dimension 1 of the batch) are split into groups and each
    /// group of each sample is normalized, then scaled and shifted per channel (2·C parameters).
    /// The number of groups must divide the channels. The input needs channels and at least one more
    /// dimension (C×L, C×H×W): TorchSharp's GroupNorm refuses flat features, which PyTorch accepts.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GroupNormAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="numGroups">The number of groups; it must divide the channels.</param>
        public GroupNormAttribute(int numGroups) => NumGroups = numGroups;

        /// <summary>The number of groups; it must divide the channels.</summary>
        public int NumGroups { get; }

        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>Whether a per-channel scale and shift are learned (default true).</summary>
        public bool Affine { get; set; } = true;
    }

    /// <summary>
    /// Instance normalization of a feature map (N×C×H×W): each channel of each sample is normalized
    /// over its H×W positions. As in PyTorch, <see cref="Affine"/> and
    /// <see cref="TrackRunningStats"/> are off by default.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InstanceNorm2dAttribute : LayerAttribute
    {
        /// <summary>Added to the variance for numerical stability (default 1e-5).</summary>
        public double Eps { get; set; } = 1e-5;

        /// <summary>The running statistics' update factor, when they are tracked (default 0.1).</summary>
        public double Momentum { get; set; } = 0.1;

        /// <summary>Whether a per-channel scale and shift are learned: 2·C parameters (default false).</summary>
        public bool Affine { get; set; }

        /// <summary>Whether running mean and variance are kept (2·C buffers) and used in evaluation (default false).</summary>
        public bool TrackRunningStats { get; set; }
    }

    /// <summary>
    /// Channel dropout for a feature map (N×C×H×W): each channel of each sample is zeroed with
    /// probability <see cref="P"/> during training and the kept channels are scaled by 1/(1 − p).
    /// As in PyTorch, p is the probability of dropping (the course notes' 004 writes the keeping
    /// probability: keep 0.8 is p = 0.2 here).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Dropout2dAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="p">The probability of dropping a channel, in [0, 1).</param>
        public Dropout2dAttribute(double p = 0.5) => P = p;

        /// <summary>The probability of dropping a channel, in [0, 1).</summary>
        public double P { get; }
    }

    /// <summary>
    /// Alpha dropout, the dropout for self-normalizing networks (pair it with SELU): dropped
    /// elements take SELU's negative saturation value and an affine correction keeps the mean and
    /// variance during training; the identity in evaluation.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AlphaDropoutAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="p">The drop probability, in [0, 1).</param>
        public AlphaDropoutAttribute(double p = 0.5) => P = p;

        /// <summary>The drop probability, in [0, 1).</summary>
        public double P { get; }
    }

    /// <summary>
    /// Adds zero-mean Gaussian noise with standard deviation <see cref="Std"/> to every element
    /// during training (a regularizer, the notes' "noise added to inputs"); the identity in
    /// evaluation. Runs <see cref="Layers.GaussianNoise"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GaussianNoiseAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="std">The noise's standard deviation σ, zero or positive.</param>
        public GaussianNoiseAttribute(double std) => Std = std;

        /// <summary>The noise's standard deviation σ, zero or positive.</summary>
        public double Std { get; }
    }
}

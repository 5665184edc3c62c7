namespace ModelGen.Domain
{
    /// <summary>
    /// What a review rule can find in a model that compiles and runs but trains badly (or not at
    /// all); each kind has one diagnostic id, a warning by default. The declaration rules on the
    /// class itself (static, record, constructor) need Roslyn and live in the analyzer.
    /// </summary>
    internal enum ReviewKind
    {
        /// <summary>MG0016: Softmax or LogSoftmax as the output while the loss applies log-softmax itself.</summary>
        SoftmaxBeforeCrossEntropy,

        /// <summary>MG0017: the loss expects probabilities, log-probabilities or logits and the output layer gives something else.</summary>
        LossOutputMismatch,

        /// <summary>MG0018: two linear maps with no non-linearity between them.</summary>
        CollapsingLinearMaps,

        /// <summary>MG0019: a bias directly followed by a normalization that cancels it.</summary>
        BiasBeforeNormalization,

        /// <summary>MG0020: saturating activations (sigmoid, tanh) in many hidden layers.</summary>
        SaturatingActivations,

        /// <summary>MG0021: a layer without gradient above trainable layers in a trained model.</summary>
        NoGradient,

        /// <summary>MG0022: dropout after the output layer.</summary>
        DropoutAfterOutput,

        /// <summary>MG0023: dropout of half the input or more.</summary>
        InputDropout,

        /// <summary>MG0024: a learning rate outside the sane range of its optimizer.</summary>
        LearningRateRange,

        /// <summary>MG0025: an even kernel padded symmetrically: the size cannot stay the same.</summary>
        EvenKernelPadding,

        /// <summary>MG0026: the parameters alone exceed the memory of one machine.</summary>
        ParameterMemory,
    }

    /// <summary>One finding of <see cref="ModelReview"/>, its message complete (names the layers and the numbers).</summary>
    /// <param name="Kind">The rule, which fixes the diagnostic id.</param>
    /// <param name="Target">The attribute the finding is reported on.</param>
    /// <param name="LayerIndex">For <see cref="ProblemTarget.Layer"/>, the layer's position (0-based); otherwise -1.</param>
    /// <param name="Message">The complete message.</param>
    internal sealed record ReviewFinding(ReviewKind Kind, ProblemTarget Target, int LayerIndex, string Message)
    {
        /// <summary>
        /// The argument of the attribute that is wrong, when one is: a named argument
        /// (<c>LearningRate</c>) or <c>#n</c> for the n-th positional one; null for the whole attribute.
        /// </summary>
        public string? Argument { get; init; }

        /// <summary>Other layers the finding is about (the other linear map, every saturating activation), reported as additional locations.</summary>
        public EquatableArray<int> AlsoAt { get; init; } = EquatableArray<int>.Empty;

        /// <summary>What the code fix writes (a loss kind, a value), or null when the fix needs nothing more than the locations.</summary>
        public string? Fix { get; init; }
    }
}

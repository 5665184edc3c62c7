namespace ModelGen.Training
{
    /// <summary>What <see cref="Trainer.Evaluate"/> returns.</summary>
    /// <param name="Loss">The declared loss, averaged over the samples.</param>
    /// <param name="Accuracy">
    /// The share of right predictions (cross-entropy: argmax equals the label; BCE with logits: the
    /// logit's sign matches the 0/1 target), or null for a regression loss.
    /// </param>
    /// <param name="Count">The number of samples evaluated.</param>
    public sealed record EvaluationResult(double Loss, double? Accuracy, int Count)
    {
        /// <summary>The k of <see cref="TopKAccuracy"/> (0 when not measured).</summary>
        public int TopK { get; init; }

        /// <summary>The share of samples whose class is among the k highest scores (cross-entropy, NLL), or null.</summary>
        public double? TopKAccuracy { get; init; }
    }
}

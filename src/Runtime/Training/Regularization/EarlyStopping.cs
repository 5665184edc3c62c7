using System;

namespace ModelGen.Training
{
    /// <summary>
    /// Stops <see cref="Trainer.Fit"/> when the monitored loss (validation loss, or the training loss
    /// without validation data) has not improved by more than <paramref name="MinDelta"/> for
    /// <paramref name="Patience"/> epochs, and by default puts back the weights of the best epoch.
    /// </summary>
    /// <param name="Patience">Epochs without improvement before stopping (default 5).</param>
    /// <param name="MinDelta">The smallest decrease that counts as an improvement (default 0).</param>
    /// <param name="RestoreBestWeights">Whether the best epoch's weights are restored at the end (default true).</param>
    public sealed record EarlyStopping(int Patience = 5, double MinDelta = 0, bool RestoreBestWeights = true)
    {
        /// <summary>Throws when a setting is out of range.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Patience below 1 or a negative delta.</exception>
        public void Validate()
        {
            if (Patience < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Wait at least one epoch.");
            }

            if (!(MinDelta >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "The improvement threshold cannot be negative.");
            }
        }
    }
}

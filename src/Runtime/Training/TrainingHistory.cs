using System;
using System.Collections.Generic;

namespace ModelGen.Training
{
    /// <summary>What <see cref="Trainer.Fit"/> returns: the figures of every epoch.</summary>
    public sealed class TrainingHistory
    {
        /// <summary>Creates a history.</summary>
        /// <param name="epochs">The epochs in order (at least one).</param>
        /// <param name="trainCount">The number of training samples.</param>
        /// <param name="validationCount">The number of validation samples (0 without validation).</param>
        /// <param name="duration">The wall-clock time of the whole run.</param>
        public TrainingHistory(IReadOnlyList<EpochMetrics> epochs, int trainCount, int validationCount, TimeSpan duration)
        {
            ArgumentNullException.ThrowIfNull(epochs);
            if (epochs.Count == 0)
            {
                throw new ArgumentException("A history holds at least one epoch.", nameof(epochs));
            }

            Epochs = epochs;
            TrainCount = trainCount;
            ValidationCount = validationCount;
            Duration = duration;
        }

        /// <summary>Every epoch, in order.</summary>
        public IReadOnlyList<EpochMetrics> Epochs { get; }

        /// <summary>The last epoch.</summary>
        public EpochMetrics Final => Epochs[Epochs.Count - 1];

        /// <summary>The number of samples trained on.</summary>
        public int TrainCount { get; }

        /// <summary>The number of samples validated on (0 without validation).</summary>
        public int ValidationCount { get; }

        /// <summary>The wall-clock time of the whole run.</summary>
        public TimeSpan Duration { get; }
    }
}

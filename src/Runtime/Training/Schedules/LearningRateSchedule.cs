using System.Collections.Generic;

namespace ModelGen.Training
{
    /// <summary>
    /// A learning rate per epoch, set on the optimizer by <see cref="Trainer.Fit"/> before each
    /// epoch. Schedules are functions of the epoch index (and, for <see cref="ReduceOnPlateau"/>,
    /// of the figures of the epochs before), never hidden state: a resumed run gets exactly the
    /// rate the uninterrupted run had, and a test can check each epoch's rate against the formula.
    /// </summary>
    public abstract record LearningRateSchedule
    {
        /// <summary>The learning rate of the epoch with 0-based index <paramref name="epoch"/>.</summary>
        /// <param name="epoch">The epoch index: 0 for the first epoch.</param>
        /// <param name="baseRate">The optimizer's declared learning rate η₀.</param>
        /// <param name="previous">The figures of the epochs before, oldest first (may be empty when resuming).</param>
        /// <returns>The rate.</returns>
        public abstract double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous);

        /// <summary>A short description for logs: <c>cosine (period 10)</c>.</summary>
        /// <returns>The description.</returns>
        public abstract string Describe();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>
    /// Reduce the rate when the monitored loss stops improving (PyTorch's ReduceLROnPlateau, mode
    /// 'min', relative threshold): after each epoch whose loss is not below best·(1 − threshold),
    /// a counter grows; when it exceeds <paramref name="Patience"/>, η ← max(η·factor, η_min), the
    /// counter resets and <paramref name="Cooldown"/> epochs pass before counting again. The loss is
    /// the validation loss when there is validation data, the training loss otherwise. The rate is
    /// replayed from the epochs' figures, so it needs no state of its own.
    /// </summary>
    /// <param name="Factor">The reduction factor (default 0.1).</param>
    /// <param name="Patience">Epochs without improvement tolerated (default 10).</param>
    /// <param name="Threshold">The relative improvement that counts (default 10⁻⁴).</param>
    /// <param name="Cooldown">Epochs after a reduction before counting resumes (default 0).</param>
    /// <param name="MinRate">η_min (default 0).</param>
    public sealed record ReduceOnPlateau(double Factor = 0.1, int Patience = 10, double Threshold = 1e-4, int Cooldown = 0, double MinRate = 0) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous)
        {
            ArgumentNullException.ThrowIfNull(previous);
            double rate = baseRate;
            double best = double.PositiveInfinity;
            int bad = 0;
            int cooldown = 0;
            foreach (EpochMetrics metrics in previous)
            {
                double value = metrics.ValidationLoss ?? metrics.TrainLoss;
                if (value < best * (1 - Threshold))
                {
                    best = value;
                    bad = 0;
                }
                else
                {
                    bad++;
                }

                if (cooldown > 0)
                {
                    cooldown--;
                    bad = 0;
                }

                if (bad > Patience)
                {
                    rate = Math.Max(rate * Factor, MinRate);
                    cooldown = Cooldown;
                    bad = 0;
                }
            }

            return rate;
        }

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "plateau (×{0} after {1} epochs without improvement)", Factor, Patience);
    }
}

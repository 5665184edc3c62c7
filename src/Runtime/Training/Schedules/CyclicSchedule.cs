using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>
    /// Cyclic learning rate, the triangle wave between a minimum and a maximum (Smith, 2017;
    /// PyTorch's CyclicLR 'triangular' mode, counted in epochs): with c = ⌊1 + e/(2s)⌋ and
    /// x = |e/s − 2c + 1|, η = η_min + (η_max − η_min)·max(0, 1 − x). It starts at the minimum,
    /// reaches the maximum after <paramref name="HalfCycle"/> epochs and is back after twice that.
    /// The declared learning rate is not used.
    /// </summary>
    /// <param name="MinRate">The bottom of the wave.</param>
    /// <param name="MaxRate">The top of the wave.</param>
    /// <param name="HalfCycle">Epochs from the minimum to the maximum (s ≥ 1).</param>
    public sealed record CyclicSchedule(double MinRate, double MaxRate, int HalfCycle) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous)
        {
            if (HalfCycle < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(HalfCycle), HalfCycle, "A half cycle lasts one epoch or more.");
            }

            double cycle = Math.Floor(1 + (epoch / (2.0 * HalfCycle)));
            double x = Math.Abs((epoch / (double)HalfCycle) - (2 * cycle) + 1);
            return MinRate + ((MaxRate - MinRate) * Math.Max(0, 1 - x));
        }

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "cyclic ({0} to {1}, half cycle {2} epochs)", MinRate, MaxRate, HalfCycle);
    }
}

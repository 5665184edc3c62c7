using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>
    /// Cosine annealing with warm restarts (SGDR, Loshchilov and Hutter, 2017; PyTorch's
    /// CosineAnnealingWarmRestarts, which TorchSharp 0.107 lacks): within a period of T_i epochs,
    /// η = η_min + (η₀ − η_min)·(1 + cos(π·T_cur/T_i))/2, then the rate jumps back to η₀ and the
    /// next period lasts T_i·T_mult epochs. With a period as long as the run it is plain cosine annealing.
    /// </summary>
    /// <param name="Period">T₀, the first period in epochs (≥ 1).</param>
    /// <param name="PeriodMultiplier">T_mult, the growth of each next period (≥ 1; default 1).</param>
    /// <param name="MinRate">η_min (default 0).</param>
    public sealed record CosineWarmRestarts(int Period, int PeriodMultiplier = 1, double MinRate = 0) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous)
        {
            if (Period < 1 || PeriodMultiplier < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Period), Period, "The period and its multiplier must be at least 1.");
            }

            long length = Period;
            long position = epoch;
            while (position >= length)
            {
                position -= length;
                length *= PeriodMultiplier;
            }

            return MinRate + ((baseRate - MinRate) * (1 + Math.Cos(Math.PI * position / length)) / 2);
        }

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "cosine (period {0}, ×{1}, min {2})", Period, PeriodMultiplier, MinRate);
    }
}

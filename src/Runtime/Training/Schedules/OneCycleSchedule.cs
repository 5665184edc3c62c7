using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>
    /// The one-cycle policy (Smith and Topin, 2018; PyTorch's OneCycleLR with cosine annealing,
    /// counted in epochs): from η_max/d up to η_max over the first share of the run, then down to
    /// η_max/(d·d_final). With w = share·E − 1, epoch e ≤ w anneals from η_max/d to η_max by e/w,
    /// later epochs from η_max to the minimum by (e − w)/(E − 1 − w), where
    /// anneal(a, b, p) = b + (a − b)·(1 + cos(π·p))/2. The declared learning rate is not used.
    /// </summary>
    /// <param name="MaxRate">η_max, the peak.</param>
    /// <param name="Epochs">E, the epochs of the whole run.</param>
    /// <param name="WarmupShare">The share of the run spent rising (default 0.3).</param>
    /// <param name="DivFactor">d: the start is η_max/d (default 25).</param>
    /// <param name="FinalDivFactor">d_final: the end is η_max/(d·d_final) (default 10⁴).</param>
    public sealed record OneCycleSchedule(double MaxRate, int Epochs, double WarmupShare = 0.3, double DivFactor = 25, double FinalDivFactor = 1e4) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous)
        {
            if (Epochs < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "One cycle needs at least two epochs.");
            }

            double initial = MaxRate / DivFactor;
            double minimum = initial / FinalDivFactor;
            double warmupEnd = (WarmupShare * Epochs) - 1;
            int e = Math.Min(epoch, Epochs - 1);
            return e <= warmupEnd
                ? Anneal(initial, MaxRate, warmupEnd <= 0 ? 1 : e / warmupEnd)
                : Anneal(MaxRate, minimum, (e - warmupEnd) / (Epochs - 1 - warmupEnd));
        }

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "onecycle (max {0} over {1} epochs)", MaxRate, Epochs);

        private static double Anneal(double start, double end, double share) => end + ((start - end) * (1 + Math.Cos(Math.PI * share)) / 2);
    }
}

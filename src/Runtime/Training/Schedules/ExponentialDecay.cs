using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>Exponential decay: η = η₀·γ^e (PyTorch's ExponentialLR).</summary>
    /// <param name="Gamma">The factor γ per epoch.</param>
    public sealed record ExponentialDecay(double Gamma) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous) => baseRate * Math.Pow(Gamma, epoch);

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "exponential (×{0} per epoch)", Gamma);
    }
}

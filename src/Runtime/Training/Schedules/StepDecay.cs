using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Training
{
    /// <summary>
    /// Step decay: η = η₀·γ^⌊e/s⌋ (PyTorch's StepLR). The course notes' "halve every 5 epochs" is
    /// <c>new StepDecay(5, 0.5)</c>: 0.1, 0.05 from epoch 5, 0.025 from epoch 10.
    /// </summary>
    /// <param name="StepSize">Epochs between decays (s ≥ 1).</param>
    /// <param name="Gamma">The factor γ applied every <paramref name="StepSize"/> epochs (PyTorch's default 0.1).</param>
    public sealed record StepDecay(int StepSize, double Gamma = 0.1) : LearningRateSchedule
    {
        /// <inheritdoc />
        public override double Rate(int epoch, double baseRate, IReadOnlyList<EpochMetrics> previous)
        {
            if (StepSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "Decay every one epoch or more.");
            }

            return baseRate * Math.Pow(Gamma, epoch / StepSize);
        }

        /// <inheritdoc />
        public override string Describe() => string.Format(CultureInfo.InvariantCulture, "step (×{0} every {1} epochs)", Gamma, StepSize);
    }
}

using System;

namespace ModelGen.Training.Progress
{
    /// <summary>Writes nothing.</summary>
    internal sealed class SilentProgress : FitProgress
    {
        public override void Run(string name, int epochs, int stepsPerEpoch, Action training) => training();

        public override void StepCompleted(int epoch, int step, double meanLoss)
        {
        }

        public override void EpochCompleted(EpochMetrics metrics, int epochs)
        {
        }
    }
}

using System;
using System.IO;

namespace ModelGen.Training.Progress
{
    /// <summary>One line per epoch and nothing else, so that logs of long runs stay readable.</summary>
    internal sealed class LineProgress : FitProgress
    {
        private readonly TextWriter _output;

        public LineProgress(TextWriter output) => _output = output;

        public override void Run(string name, int epochs, int stepsPerEpoch, Action training) => training();

        public override void StepCompleted(int epoch, int step, double meanLoss)
        {
        }

        public override void EpochCompleted(EpochMetrics metrics, int epochs)
        {
            _output.WriteLine(metrics.Format(epochs));
            _output.Flush();
        }
    }
}

using System;
using System.IO;

namespace ModelGen.Training.Progress
{
    /// <summary>
    /// A progress display for <see cref="Trainer"/>. <see cref="Run"/> wraps the whole training
    /// loop because a live display (Spectre.Console) owns the console while it runs.
    /// </summary>
    internal abstract class FitProgress
    {
        /// <summary>Chooses the display for the options: lines when output is redirected or injected, a bar on a terminal.</summary>
        public static FitProgress Create(FitOptions options, bool outputRedirected)
        {
            ProgressMode mode = options.Progress;
            if (mode == ProgressMode.Auto)
            {
                mode = options.Output is null && !outputRedirected ? ProgressMode.Bar : ProgressMode.Lines;
            }

            TextWriter output = options.Output ?? Console.Out;
            return mode switch
            {
                ProgressMode.None => new SilentProgress(),
                ProgressMode.Bar => new BarProgress(output),
                _ => new LineProgress(output),
            };
        }

        /// <summary>Runs <paramref name="training"/> with the display active.</summary>
        /// <param name="name">The model's name.</param>
        /// <param name="epochs">The epochs planned.</param>
        /// <param name="stepsPerEpoch">The steps in each epoch.</param>
        /// <param name="training">The loop, which calls <see cref="StepCompleted"/> and <see cref="EpochCompleted"/>.</param>
        public abstract void Run(string name, int epochs, int stepsPerEpoch, Action training);

        /// <summary>A step finished.</summary>
        /// <param name="epoch">The epoch, from 1.</param>
        /// <param name="step">The step within the epoch, from 1.</param>
        /// <param name="meanLoss">The epoch's mean loss so far.</param>
        public abstract void StepCompleted(int epoch, int step, double meanLoss);

        /// <summary>An epoch finished, validation included.</summary>
        /// <param name="metrics">Its figures.</param>
        /// <param name="epochs">The epochs planned.</param>
        public abstract void EpochCompleted(EpochMetrics metrics, int epochs);
    }
}

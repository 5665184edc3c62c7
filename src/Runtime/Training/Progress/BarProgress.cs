using System;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace ModelGen.Training.Progress
{
    /// <summary>A live Spectre.Console bar over all steps, with the epoch lines printed above it.</summary>
    internal sealed class BarProgress : FitProgress
    {
        private readonly IAnsiConsole _console;
        private ProgressTask? _task;
        private int _epochs;

        public BarProgress(TextWriter output) =>
            _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

        public override void Run(string name, int epochs, int stepsPerEpoch, Action training)
        {
            _epochs = epochs;
            _console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    _task = context.AddTask(Markup.Escape(name), maxValue: (double)epochs * stepsPerEpoch);
                    training();
                    _task.StopTask();
                });
        }

        public override void StepCompleted(int epoch, int step, double meanLoss)
        {
            if (_task is null)
            {
                return;
            }

            _task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture, "epoch {0}/{1}  loss {2:F4}", epoch, _epochs, meanLoss));
            _task.Increment(1);
        }

        public override void EpochCompleted(EpochMetrics metrics, int epochs) =>
            _console.WriteLine(metrics.Format(epochs));
    }
}

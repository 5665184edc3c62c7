using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ModelGen.Training
{
    /// <summary>
    /// What <see cref="Trainer.Fit"/> returns: the figures of every epoch, why it stopped and the
    /// best epoch; exports to CSV and JSON and renders the loss and accuracy curves to a PNG.
    /// </summary>
    public sealed class TrainingHistory
    {
        /// <summary>Creates a history.</summary>
        /// <param name="epochs">The epochs in order (empty only when cancelled before the first step).</param>
        /// <param name="trainCount">The number of training samples.</param>
        /// <param name="validationCount">The number of validation samples (0 without validation).</param>
        /// <param name="duration">The wall-clock time of the whole run.</param>
        public TrainingHistory(IReadOnlyList<EpochMetrics> epochs, int trainCount, int validationCount, TimeSpan duration)
        {
            ArgumentNullException.ThrowIfNull(epochs);
            Epochs = epochs;
            TrainCount = trainCount;
            ValidationCount = validationCount;
            Duration = duration;
        }

        /// <summary>Every epoch, in order.</summary>
        public IReadOnlyList<EpochMetrics> Epochs { get; }

        /// <summary>The last epoch.</summary>
        /// <exception cref="InvalidOperationException">No epoch ran.</exception>
        public EpochMetrics Final => Epochs.Count > 0 ? Epochs[Epochs.Count - 1] : throw new InvalidOperationException("Training stopped before its first step; the history is empty.");

        /// <summary>The number of samples trained on.</summary>
        public int TrainCount { get; }

        /// <summary>The number of samples validated on (0 without validation).</summary>
        public int ValidationCount { get; }

        /// <summary>The wall-clock time of the whole run.</summary>
        public TimeSpan Duration { get; }

        /// <summary>Why training stopped.</summary>
        public StopReason StopReason { get; init; }

        /// <summary>The epoch with the lowest monitored loss (validation loss, else training loss), or null when empty.</summary>
        public int? BestEpoch => Epochs.Count == 0 ? null : Epochs.OrderBy(e => e.ValidationLoss ?? e.TrainLoss).ThenBy(e => e.Epoch).First().Epoch;

        /// <summary>The history as CSV: a header, then one row per epoch; empty cells for absent figures.</summary>
        /// <returns>The CSV text, invariant culture, '\n' line ends.</returns>
        public string ToCsv()
        {
            var csv = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy,val_topk_accuracy,learning_rate,steps,seconds\n");
            foreach (EpochMetrics e in Epochs)
            {
                csv.Append(string.Join(",", new[]
                {
                    e.Epoch.ToString(CultureInfo.InvariantCulture),
                    Cell(e.TrainLoss),
                    Cell(e.TrainAccuracy),
                    Cell(e.ValidationLoss),
                    Cell(e.ValidationAccuracy),
                    Cell(e.ValidationTopKAccuracy),
                    Cell(e.LearningRate),
                    e.Steps.ToString(CultureInfo.InvariantCulture),
                    Cell(e.Duration.TotalSeconds),
                })).Append('\n');
            }

            return csv.ToString();
        }

        /// <summary>The history as JSON: the counts, the stop reason, the best epoch and every epoch's figures.</summary>
        /// <returns>Indented JSON.</returns>
        public string ToJson() => JsonSerializer.Serialize(
            new
            {
                trainCount = TrainCount,
                validationCount = ValidationCount,
                seconds = Duration.TotalSeconds,
                stopReason = StopReason.ToString(),
                bestEpoch = BestEpoch,
                epochs = Epochs.Select(e => new
                {
                    epoch = e.Epoch,
                    trainLoss = e.TrainLoss,
                    trainAccuracy = e.TrainAccuracy,
                    validationLoss = e.ValidationLoss,
                    validationAccuracy = e.ValidationAccuracy,
                    topK = e.TopK,
                    validationTopKAccuracy = e.ValidationTopKAccuracy,
                    learningRate = e.LearningRate,
                    steps = e.Steps,
                    seconds = e.Duration.TotalSeconds,
                }),
            },
            new JsonSerializerOptions { WriteIndented = true });

        /// <summary>Writes <see cref="ToCsv"/> to a file.</summary>
        /// <param name="path">The file.</param>
        public void SaveCsv(string path) => File.WriteAllText(path, ToCsv());

        /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
        /// <param name="path">The file.</param>
        public void SaveJson(string path) => File.WriteAllText(path, ToJson());

        /// <summary>
        /// Renders the loss curves (training and validation) and, for classification, the accuracy
        /// curves, side by side, to a PNG (ScottPlot, headless).
        /// </summary>
        /// <param name="path">The PNG file.</param>
        /// <param name="title">A title (the model's name, say).</param>
        /// <param name="width">Width in pixels (default 1000).</param>
        /// <param name="height">Height in pixels (default 420).</param>
        public void SavePlot(string path, string title = "training", int width = 1000, int height = 420) =>
            HistoryPlot.Save(this, path, title, width, height);

        private static string Cell(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
    }
}

using System;
using System.Globalization;
using System.Text;

namespace ModelGen.Training
{
    /// <summary>The figures of one training epoch.</summary>
    /// <param name="Epoch">The epoch, from 1.</param>
    /// <param name="TrainLoss">The mean loss over the epoch's training samples, each batch's loss taken before its step.</param>
    /// <param name="TrainAccuracy">The share of training predictions that were right (in training mode, before each step), or null for a regression loss.</param>
    /// <param name="ValidationLoss">The mean validation loss after the epoch (evaluation mode), or null without validation data.</param>
    /// <param name="ValidationAccuracy">The validation accuracy after the epoch, or null without validation data or for a regression loss.</param>
    /// <param name="Steps">The optimization steps taken in the epoch.</param>
    /// <param name="Duration">The epoch's wall-clock time, validation included.</param>
    public sealed record EpochMetrics(
        int Epoch,
        double TrainLoss,
        double? TrainAccuracy,
        double? ValidationLoss,
        double? ValidationAccuracy,
        int Steps,
        TimeSpan Duration)
    {
        /// <summary>The learning rate of the epoch.</summary>
        public double? LearningRate { get; init; }

        /// <summary>The k of <see cref="ValidationTopKAccuracy"/> (0 when not measured).</summary>
        public int TopK { get; init; }

        /// <summary>The share of validation samples whose class is among the k highest scores, or null.</summary>
        public double? ValidationTopKAccuracy { get; init; }

        /// <summary>The epoch as one log line: <c>epoch  3/20  loss 0.1234  accuracy 0.9612  val_loss 0.1500  val_accuracy 0.9500  (0.41 s)</c>.</summary>
        /// <param name="epochs">The number of epochs planned, for the <c>3/20</c> counter.</param>
        /// <returns>The line, without a newline.</returns>
        public string Format(int epochs)
        {
            string counter = Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(epochs.ToString(CultureInfo.InvariantCulture).Length);
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"epoch {counter}/{epochs}  loss {TrainLoss:F4}");
            if (TrainAccuracy is double accuracy)
            {
                line.Append(CultureInfo.InvariantCulture, $"  accuracy {accuracy:F4}");
            }

            if (ValidationLoss is double validationLoss)
            {
                line.Append(CultureInfo.InvariantCulture, $"  val_loss {validationLoss:F4}");
            }

            if (ValidationAccuracy is double validationAccuracy)
            {
                line.Append(CultureInfo.InvariantCulture, $"  val_accuracy {validationAccuracy:F4}");
            }

            if (ValidationTopKAccuracy is double topK)
            {
                line.Append(CultureInfo.InvariantCulture, $"  val_top{TopK} {topK:F4}");
            }

            if (LearningRate is double rate)
            {
                line.Append(CultureInfo.InvariantCulture, $"  lr {rate:G4}");
            }

            line.Append(CultureInfo.InvariantCulture, $"  ({Duration.TotalSeconds:F2} s)");
            return line.ToString();
        }
    }
}

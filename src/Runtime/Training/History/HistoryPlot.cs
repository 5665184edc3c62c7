using System.IO;
using System.Linq;
using ScottPlot;

namespace ModelGen.Training
{
    /// <summary>Draws a <see cref="TrainingHistory"/> with ScottPlot (SkiaSharp, no display needed).</summary>
    internal static class HistoryPlot
    {
        public static void Save(TrainingHistory history, string path, string title, int width, int height)
        {
            double[] epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
            bool accuracy = history.Epochs.Any(e => e.TrainAccuracy is not null);
            var multiplot = new Multiplot();
            multiplot.AddPlots(accuracy ? 2 : 1);

            Plot loss = multiplot.GetPlot(0);
            loss.Title($"{title}: loss");
            loss.XLabel("epoch");
            loss.YLabel("loss");
            AddLine(loss, epochs, history.Epochs.Select(e => (double?)e.TrainLoss).ToArray(), "train");
            AddLine(loss, epochs, history.Epochs.Select(e => e.ValidationLoss).ToArray(), "validation");
            loss.ShowLegend();

            if (accuracy)
            {
                Plot right = multiplot.GetPlot(1);
                right.Title($"{title}: accuracy");
                right.XLabel("epoch");
                right.YLabel("accuracy");
                AddLine(right, epochs, history.Epochs.Select(e => e.TrainAccuracy).ToArray(), "train");
                AddLine(right, epochs, history.Epochs.Select(e => e.ValidationAccuracy).ToArray(), "validation");
                right.ShowLegend();
            }

            multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            multiplot.SavePng(path, width, height);
        }

        private static void AddLine(Plot plot, double[] epochs, double?[] values, string label)
        {
            double[] xs = epochs.Where((_, i) => values[i] is not null).ToArray();
            double[] ys = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (xs.Length == 0)
            {
                return;
            }

            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = label;
        }
    }
}

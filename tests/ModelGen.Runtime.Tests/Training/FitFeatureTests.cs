using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Samples.Digits;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>Fit's options: early stopping, callbacks, cancellation, top-k, schedules, exports, augmentation.</summary>
public sealed class FitFeatureTests
{
    [Fact]
    public void Early_stopping_restores_the_best_epochs_weights()
    {
        using TensorDataset digits = TestData.Digits(200, DigitsLayout.Flat);
        var snapshots = new WeightRecorder();
        torch.manual_seed(8);
        using var model = new DigitsMlp();
        // A rate that makes the validation loss bounce, so that the best epoch is not the last.
        model.UseOptimizer(new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 2.0 });

        TrainingHistory history = model.Fit(digits, new FitOptions
        {
            Epochs = 30,
            ValidationSplit = 0.25,
            EarlyStopping = new EarlyStopping(Patience: 2),
            Callbacks = new[] { snapshots },
            Progress = ProgressMode.None,
        });

        Assert.Equal(StopReason.EarlyStopping, history.StopReason);
        int best = history.BestEpoch!.Value;
        Assert.Equal(best + 2, history.Final.Epoch);
        Assert.Equal(snapshots.Weights[best], TestData.Values(model.fc2.weight!));
        Assert.NotEqual(snapshots.Weights[history.Final.Epoch], TestData.Values(model.fc2.weight!));
    }

    [Fact]
    public void Callbacks_see_per_layer_gradient_norms_and_can_stop_training()
    {
        using TensorDataset digits = TestData.Digits(96, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        var probe = new GradientProbe(stopAtGlobalStep: 5);

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 3, BatchSize = 32, Callbacks = new[] { probe }, Progress = ProgressMode.None });

        Assert.Equal(StopReason.Callback, history.StopReason);
        Assert.Equal(new[] { 3, 2 }, history.Epochs.Select(e => e.Steps));
        Assert.Equal(new[] { "fc1", "fc2" }, probe.Norms[0].Select(pair => pair.Key));
        Assert.All(probe.Norms.SelectMany(n => n), pair => Assert.True(pair.Value > 0 && double.IsFinite(pair.Value)));
    }

    [Fact]
    public void Cancellation_stops_after_the_current_step()
    {
        using TensorDataset digits = TestData.Digits(96, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        using var source = new CancellationTokenSource();
        var canceller = new CancelAt(source, globalStep: 4);

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 5, BatchSize = 32, CancellationToken = source.Token, Callbacks = new[] { canceller }, Progress = ProgressMode.None });

        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Equal(4, history.Epochs.Sum(e => e.Steps));
        Assert.Equal(4, model.TrainSteps);
    }

    [Fact]
    public void Top_k_accuracy_counts_the_true_class_among_the_k_best_scores()
    {
        using TensorDataset digits = TestData.Digits(300, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        model.Fit(digits, new FitOptions { Epochs = 3, Progress = ProgressMode.None });

        EvaluationResult top1 = model.Evaluate(digits, topK: 1);
        EvaluationResult top3 = model.Evaluate(digits, topK: 3);
        EvaluationResult top10 = model.Evaluate(digits, topK: 10);

        Assert.Equal(top1.Accuracy, top1.TopKAccuracy);
        Assert.True(top3.TopKAccuracy > top1.TopKAccuracy);
        Assert.Equal(1.0, top10.TopKAccuracy);
    }

    [Fact]
    public void The_schedule_sets_each_epochs_learning_rate_on_the_optimizer()
    {
        using TensorDataset digits = TestData.Digits(64, DigitsLayout.Flat);
        using var model = new DigitsMlp(); // Adam, lr 0.01
        var seen = new RateRecorder();

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 4, Schedule = new StepDecay(2, 0.1), Callbacks = new[] { seen }, Progress = ProgressMode.None });

        double[] expected = { 0.01, 0.01, 0.001, 0.001 };
        Assert.Equal(expected, seen.Rates.Select(r => Math.Round(r, 12)));
        Assert.Equal(expected, history.Epochs.Select(e => Math.Round(e.LearningRate!.Value, 12)));
    }

    [Fact]
    public void The_history_exports_csv_json_and_a_png()
    {
        using TensorDataset digits = TestData.Digits(120, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 3, ValidationSplit = 0.25, TopK = 3, Progress = ProgressMode.None });
        string folder = Directory.CreateTempSubdirectory("modelgen-history-").FullName;
        try
        {
            string[] csv = history.ToCsv().TrimEnd('\n').Split('\n');
            Assert.Equal("epoch,train_loss,train_accuracy,val_loss,val_accuracy,val_topk_accuracy,learning_rate,steps,seconds", csv[0]);
            Assert.Equal(4, csv.Length);
            Assert.StartsWith("2," + history.Epochs[1].TrainLoss.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",", csv[2]);

            using JsonDocument json = JsonDocument.Parse(history.ToJson());
            Assert.Equal(3, json.RootElement.GetProperty("epochs").GetArrayLength());
            Assert.Equal(history.Epochs[2].ValidationLoss, json.RootElement.GetProperty("epochs")[2].GetProperty("validationLoss").GetDouble());
            Assert.Equal(90, json.RootElement.GetProperty("trainCount").GetInt32());

            string png = Path.Combine(folder, "curves.png");
            history.SavePlot(png, "DigitsMlp");
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Augmentation_flips_and_shifts_images_and_noise_perturbs_inputs()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        torch.Tensor image = torch.arange(16, dtype: torch.ScalarType.Float32).reshape(1, 1, 4, 4).expand(64, 1, 4, 4);

        torch.Tensor flipped = new ImageAugmentation(HorizontalFlip: true).Apply(image);
        torch.Tensor shifted = new ImageAugmentation(MaxShift: 1).Apply(image);

        long mirrored = flipped.eq(image.flip(3)).all(3).all(2).all(1).sum().item<long>();
        long unchanged = flipped.eq(image).all(3).all(2).all(1).sum().item<long>();
        Assert.Equal(64, mirrored + unchanged);
        Assert.InRange(mirrored, 16, 48); // each sample flipped with probability ½
        Assert.Equal(new long[] { 64, 1, 4, 4 }, shifted.shape);
        Assert.True(shifted.eq(0).sum().item<long>() > 64); // zeros fill the shifted-in border

        using TensorDataset digits = TestData.Digits(64, DigitsLayout.Image);
        using var model = new DigitsNet();
        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 1, InputNoise = 0.1, Augmentation = new ImageAugmentation(MaxShift: 1), Progress = ProgressMode.None });
        Assert.True(double.IsFinite(history.Final.TrainLoss));
    }

    private sealed class WeightRecorder : FitCallback
    {
        public Dictionary<int, float[]> Weights { get; } = new();

        public override void OnEpochEnd(FitState state, EpochMetrics metrics) =>
            Weights[metrics.Epoch] = TestData.Values(((DigitsMlp)state.Model).fc2.weight!);
    }

    private sealed class GradientProbe : FitCallback
    {
        private readonly long _stopAt;

        public GradientProbe(long stopAtGlobalStep) => _stopAt = stopAtGlobalStep;

        public List<IReadOnlyList<KeyValuePair<string, double>>> Norms { get; } = new();

        public override void OnStepEnd(FitState state)
        {
            Norms.Add(state.GradientNorms());
            if (state.GlobalStep == _stopAt)
            {
                state.RequestStop();
            }
        }
    }

    private sealed class CancelAt : FitCallback
    {
        private readonly CancellationTokenSource _source;
        private readonly long _step;

        public CancelAt(CancellationTokenSource source, long globalStep)
        {
            _source = source;
            _step = globalStep;
        }

        public override void OnStepEnd(FitState state)
        {
            if (state.GlobalStep == _step)
            {
                _source.Cancel();
            }
        }
    }

    private sealed class RateRecorder : FitCallback
    {
        public List<double> Rates { get; } = new();

        public override void OnEpochStart(FitState state) => Rates.Add(state.Model.Optimizer.ParamGroups.First().LearningRate);
    }
}

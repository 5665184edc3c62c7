using ModelGen.Samples.Digits;
using System;
using System.IO;
using System.Linq;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>The <see cref="Trainer.Fit"/> loop: seeding, validation split, the NaN guard, progress output, no leaks.</summary>
public sealed class FitLoopTests
{
    [Fact]
    public void Runs_with_the_same_seeds_give_identical_histories_and_weights()
    {
        (TrainingHistory first, float[] firstWeights) = TrainMlp(initSeed: 5, fitSeed: 11);
        (TrainingHistory second, float[] secondWeights) = TrainMlp(initSeed: 5, fitSeed: 11);
        (TrainingHistory reshuffled, _) = TrainMlp(initSeed: 5, fitSeed: 12);

        Assert.Equal(Figures(first), Figures(second));
        Assert.Equal(firstWeights, secondWeights);
        Assert.NotEqual(Figures(first), Figures(reshuffled));
    }

    [Fact]
    public void The_validation_split_holds_out_the_ceiling_of_the_share()
    {
        using TensorDataset digits = TestData.Digits(250, DigitsLayout.Flat);
        using var model = new DigitsMlp();

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 2, BatchSize = 64, ValidationSplit = 0.3, Progress = ProgressMode.None });

        int held = (int)Math.Ceiling(250 * 0.3); // 75
        Assert.Equal(held, history.ValidationCount);
        Assert.Equal(250 - held, history.TrainCount);
        Assert.All(history.Epochs, e => Assert.Equal((int)Math.Ceiling((250 - held) / 64.0), e.Steps));
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationAccuracy));
    }

    [Fact]
    public void Without_validation_the_validation_figures_are_absent()
    {
        using TensorDataset digits = TestData.Digits(100, DigitsLayout.Flat);
        using var model = new DigitsMlp();

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 1, Progress = ProgressMode.None });

        Assert.Equal(0, history.ValidationCount);
        Assert.Null(history.Final.ValidationLoss);
        Assert.Null(history.Final.ValidationAccuracy);
        Assert.NotNull(history.Final.TrainAccuracy);
    }

    [Fact]
    public void A_nan_in_the_inputs_stops_training_at_the_batch_that_holds_it()
    {
        float[] features = Enumerable.Range(0, 16).Select(i => (float)i / 16).ToArray();
        features[9] = float.NaN; // sample 4 (0-based), which batch 3 of size 2 holds
        float[] targets = Enumerable.Range(0, 8).Select(i => (float)i).ToArray();
        using TensorDataset data = TensorDataset.FromArrays(features, new long[] { 2 }, targets, new long[] { 1 });
        using var model = new TinyRegression();
        float[] before = TestData.Values(model.fc1.weight!);

        var error = Assert.Throws<NonFiniteLossException>(() =>
            model.Fit(data, new FitOptions { Epochs = 3, BatchSize = 2, Shuffle = false, Progress = ProgressMode.None }));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(3, error.Step);
        Assert.Equal(3, error.GlobalStep);
        Assert.True(float.IsNaN(error.Loss));
        Assert.Contains("TinyRegression", error.Message);
        Assert.Contains("epoch 1, step 3", error.Message);
        Assert.Contains("fc1.weight  1×2", error.Message);
        Assert.Contains("fc1.bias  1", error.Message);
        Assert.Equal(new[] { "fc1.weight", "fc1.bias" }, error.Parameters.Select(p => p.Name));
        Assert.All(error.Parameters, p => Assert.Equal(0, p.NonFinite)); // the NaN step was never applied
        Assert.All(TestData.Values(model.fc1.weight!), w => Assert.True(float.IsFinite(w)));
        Assert.NotEqual(before, TestData.Values(model.fc1.weight!)); // the two good steps were
    }

    [Fact]
    public void A_huge_learning_rate_is_stopped_when_the_loss_overflows()
    {
        float[] features = { 1, 2, -1, 0.5f, 3, -2, 0.25f, 1 };
        float[] targets = { 1, -1, 2, 0.5f };
        using TensorDataset data = TensorDataset.FromArrays(features, new long[] { 2 }, targets, new long[] { 1 });
        torch.manual_seed(0);
        using var model = new DivergingRegression();

        var error = Assert.Throws<NonFiniteLossException>(() =>
            model.Fit(data, new FitOptions { Epochs = 100, BatchSize = 4, Shuffle = false, Progress = ProgressMode.None }));

        Assert.True(error.GlobalStep > 1, "the first loss is finite; the learning rate makes later ones overflow");
        Assert.Equal(1, error.Step); // one full batch per epoch
        Assert.Equal(error.Epoch, error.GlobalStep);
        Assert.Contains($"epoch {error.Epoch}, step {error.Step}", error.Message);
        Assert.Contains(error.Parameters, p => Math.Abs(p.Max) > 1e6 || Math.Abs(p.Min) > 1e6 || p.NonFinite > 0);
    }

    [Fact]
    public void Redirected_output_gets_one_line_per_epoch()
    {
        using TensorDataset digits = TestData.Digits(200, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        var output = new StringWriter();

        model.Fit(digits, new FitOptions { Epochs = 4, BatchSize = 16, ValidationSplit = 0.25, Output = output });

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            Assert.StartsWith($"epoch {epoch}/4  loss ", lines[epoch - 1]);
            Assert.Contains("  accuracy ", lines[epoch - 1]);
            Assert.Contains("  val_loss ", lines[epoch - 1]);
            Assert.Contains("  val_accuracy ", lines[epoch - 1]);
        }
    }

    [Fact]
    public void A_redirected_console_gets_one_line_per_epoch_by_default()
    {
        // The test host's standard output is a pipe, as in CI or `> log.txt`.
        Assert.True(Console.IsOutputRedirected);
        using TensorDataset digits = TestData.Digits(96, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        TextWriter console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            model.Fit(digits, new FitOptions { Epochs = 3, BatchSize = 8 });
        }
        finally
        {
            Console.SetOut(console);
        }

        string[] lines = captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "epoch 1/3", "epoch 2/3", "epoch 3/3" }, lines.Select(l => l[..9]));
    }

    [Fact]
    public void The_bar_display_trains_and_still_prints_every_epoch()
    {
        using TensorDataset digits = TestData.Digits(96, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        var output = new StringWriter();

        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 3, BatchSize = 16, Output = output, Progress = ProgressMode.Bar });

        Assert.Equal(3, history.Epochs.Count);
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            Assert.Contains($"epoch {epoch}/3  loss ", output.ToString());
        }
    }

    [Fact]
    public void Progress_none_writes_nothing()
    {
        using TensorDataset digits = TestData.Digits(64, DigitsLayout.Flat);
        using var model = new DigitsMlp();
        var output = new StringWriter();

        model.Fit(digits, new FitOptions { Epochs = 2, Output = output, Progress = ProgressMode.None });

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Steps_leave_no_tensor_alive()
    {
        using TensorDataset digits = TestData.Digits(128, DigitsLayout.Image);
        torch.manual_seed(0);
        using var model = new DigitsNet();
        var options = new FitOptions { Epochs = 1, BatchSize = 16, ValidationSplit = 0.25, Progress = ProgressMode.None };
        model.Fit(digits, options); // creates the optimizer and its state
        long live = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        model.Fit(digits, options with { Epochs = 3 });
        model.Evaluate(digits);

        Assert.Equal(live, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_before_training()
    {
        using TensorDataset digits = TestData.Digits(16, DigitsLayout.Flat);
        using var model = new DigitsMlp();

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(digits, new FitOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(digits, new FitOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(digits, new FitOptions { ValidationSplit = 1 }));
        Assert.Throws<ArgumentException>(() => model.Fit(digits, new FitOptions { ValidationSplit = 0.5, ValidationData = digits }));
    }

    private static (TrainingHistory History, float[] Weights) TrainMlp(int initSeed, int fitSeed)
    {
        using TensorDataset digits = TestData.Digits(300, DigitsLayout.Flat);
        torch.manual_seed(initSeed);
        using var model = new DigitsMlp();
        TrainingHistory history = model.Fit(digits, new FitOptions { Epochs = 3, BatchSize = 32, Seed = fitSeed, ValidationSplit = 0.2, Progress = ProgressMode.None });
        return (history, TestData.Values(model.fc2.weight!));
    }

    private static double[] Figures(TrainingHistory history) =>
        history.Epochs.SelectMany(e => new[] { e.TrainLoss, e.TrainAccuracy ?? -1, e.ValidationLoss ?? -1, e.ValidationAccuracy ?? -1 }).ToArray();
}

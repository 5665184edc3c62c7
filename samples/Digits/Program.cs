// Trains the digits CNN declared in DigitsNet.cs on the 8×8 handwritten digits embedded in the
// runtime, and reports its accuracy on a seeded 20 % hold-out. Without options it runs the
// declared Adam for 30 epochs; the options choose another optimizer or a schedule, save, load
// and evaluate checkpoints, and draw the loss curve.
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using ModelGen.Data;
using ModelGen.Samples.Digits;
using ModelGen.Samples.Digits.Options;
using ModelGen.Training;
using TorchSharp;

var optimizerOption = new Option<string>("--optimizer") { Description = "The optimizer, with the sample's defaults", DefaultValueFactory = _ => "adam" };
optimizerOption.AcceptOnlyFromAmong(DigitsChoices.Optimizers);
var scheduleOption = new Option<string>("--schedule") { Description = "The learning-rate schedule", DefaultValueFactory = _ => "none" };
scheduleOption.AcceptOnlyFromAmong(DigitsChoices.Schedules);
var epochsOption = new Option<int>("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => 30 };
epochsOption.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--epochs must be at least 1.");
    }
});
var saveOption = new Option<string?>("--save") { Description = "Write a checkpoint (weights and optimizer state) here after training" };
var loadOption = new Option<string?>("--load") { Description = "Start from this checkpoint" };
var evaluateOption = new Option<bool>("--evaluate") { Description = "With --load: report the test accuracy without training" };
var plotOption = new Option<string?>("--plot") { Description = "Draw the loss and accuracy curves to this PNG" };
var autogradOption = new Option<bool>("--autograd") { Description = "Train with libtorch's autograd instead of the generated backward (to compare the two)" };
var exportOption = new Option<string?>("--export") { Description = "Write the trained (or loaded) model as ONNX to this .onnx file: input N×1×8×8 pixels in [0, 1], output the 10 logits" };

var root = new RootCommand("Trains the digits CNN and reports its test accuracy.")
{
    optimizerOption, scheduleOption, epochsOption, saveOption, loadOption, evaluateOption, plotOption, exportOption, autogradOption,
};
root.Validators.Add(result =>
{
    if (result.GetValue(evaluateOption) && result.GetValue(loadOption) is null)
    {
        result.AddError("--evaluate needs --load PATH: there is nothing to evaluate without a checkpoint.");
    }
});
root.SetAction(parse => DigitsJob.Run(new DigitsJob.Settings(
    parse.GetValue(optimizerOption)!,
    parse.GetValue(scheduleOption)!,
    parse.GetValue(epochsOption),
    parse.GetValue(saveOption),
    parse.GetValue(loadOption),
    parse.GetValue(evaluateOption),
    parse.GetValue(plotOption),
    parse.GetValue(exportOption),
    parse.GetValue(autogradOption))));
return root.Parse(args).Invoke();

/// <summary>The main job: train (or load) the CNN and report the test figures.</summary>
internal static class DigitsJob
{
    private const int Seed = 42;
    private const double TestFraction = 0.2;
    private const double ValidationShare = 0.1;

    internal sealed record Settings(string Optimizer, string Schedule, int Epochs, string? Save, string? Load, bool Evaluate, string? Plot, string? Export = null, bool Autograd = false);

    public static int Run(Settings settings)
    {
        try
        {
            return Train(settings);
        }
        catch (CheckpointException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 2;
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 2;
        }
    }

    private static int Train(Settings settings)
    {
        // A 13,706-parameter CNN gains nothing from intra-op parallelism: on two cores OpenMP's
        // spinning worker threads cost more than they save, and on a busy machine they stall each epoch
        // for seconds (measured: 2.4 s of training with one thread, over 60 s with two under load).
        torch.set_num_threads(1);
        torch.manual_seed(Seed);
        using TensorDataset digits = DigitsDataset.Load(DigitsLayout.Image);
        (TensorDataset train, TensorDataset test) = digits.TrainTestSplit(TestFraction, Seed);
        using (train)
        using (test)
        {
            using var model = new DigitsNet();
            model.GeneratedBackward = !settings.Autograd;
            if (settings.Optimizer != "adam")
            {
                model.UseOptimizer(DigitsChoices.Optimizer(settings.Optimizer));
            }

            if (settings.Load is string load)
            {
                CheckpointInfo info = Checkpoint.Load(model, load);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "loaded {0} ({1} epochs, optimizer {2})", load, info.Epoch, info.Optimizer));
            }

            if (!settings.Evaluate)
            {
                Console.WriteLine(DigitsNet.Summary);
                LearningRateSchedule? schedule = DigitsChoices.Schedule(settings.Schedule, settings.Epochs, model.OptimizerSettings.LearningRate);
                Console.WriteLine($"optimizer: {model.OptimizerSettings.Describe()}");
                Console.WriteLine($"schedule: {schedule?.Describe() ?? "none"}");
                Console.WriteLine($"backward: {(model.GeneratedBackward ? "generated (DigitsNet.Backward, no autograd graph)" : "autograd")}");
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "digits: {0} images; {1} to train on ({2:P0} of them validate each epoch), {3} held out for the test (seed {4})",
                    digits.Count,
                    train.Count,
                    ValidationShare,
                    test.Count,
                    Seed));

                TrainingHistory history = model.Fit(train, new FitOptions
                {
                    Epochs = settings.Epochs,
                    BatchSize = 32,
                    Seed = Seed,
                    ValidationSplit = ValidationShare,
                    Schedule = schedule,
                });
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "trained in {0:F1} s", history.Duration.TotalSeconds));
                if (settings.Plot is string plot)
                {
                    history.SavePlot(plot, "DigitsNet");
                    Console.WriteLine($"loss curve: {plot}");
                }

                if (settings.Save is string save)
                {
                    Checkpoint.Save(model, save, history.Final.Epoch);
                    Console.WriteLine($"checkpoint: {save}");
                }
            }

            EvaluationResult result = model.Evaluate(test);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test loss: {0:F4}", result.Loss));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test accuracy: {0:F4}", result.Accuracy));
            if (settings.Export is string export)
            {
                // The graph comes from the compile-time plan, the weights from the model as it is now;
                // samples/OnnxInference reads the file with ONNX Runtime alone.
                model.ExportOnnx(export);
                Console.WriteLine($"onnx: {export} (opset 22; input \"input\" N×1×8×8, output \"output\" N×10 logits)");
            }

            return 0;
        }
    }
}

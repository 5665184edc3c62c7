// Trains the digits CNN declared in DigitsNet.cs on the 8×8 handwritten digits embedded in the
// runtime, and reports its accuracy on a seeded 20 % hold-out.
using System;
using System.Globalization;
using ModelGen.Data;
using ModelGen.Samples.Digits;
using ModelGen.Training;
using TorchSharp;

const int Seed = 42;
const double TestFraction = 0.2;
const double ValidationShare = 0.1;

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
    Console.WriteLine(DigitsNet.Summary);
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
        Epochs = 30,
        BatchSize = 32,
        Seed = Seed,
        ValidationSplit = ValidationShare,
    });

    EvaluationResult result = model.Evaluate(test);
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "trained in {0:F1} s", history.Duration.TotalSeconds));
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test loss: {0:F4}", result.Loss));
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test accuracy: {0:F4}", result.Accuracy));
}

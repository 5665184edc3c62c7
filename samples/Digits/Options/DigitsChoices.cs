using System;
using ModelGen.Training;

namespace ModelGen.Samples.Digits.Options;

/// <summary>The sample's sensible defaults for each --optimizer and --schedule name.</summary>
internal static class DigitsChoices
{
    public static readonly string[] Optimizers = { "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam", "adamw", "adamax", "nadam" };

    public static readonly string[] Schedules = { "none", "step", "exponential", "cyclic", "cosine", "onecycle", "plateau" };

    /// <summary>The optimizer for a name; "adam" is the one DigitsNet declares.</summary>
    public static OptimizerSettings Optimizer(string name) => name switch
    {
        "sgd" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1 },
        "momentum" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.02, Momentum = 0.9 },
        "nesterov" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.02, Momentum = 0.9, Nesterov = true },
        "adagrad" => new OptimizerSettings(OptimizerKind.Adagrad) { LearningRate = 0.05 },
        "adadelta" => new OptimizerSettings(OptimizerKind.Adadelta),
        "rmsprop" => new OptimizerSettings(OptimizerKind.RMSprop) { LearningRate = 0.001 },
        "adam" => new OptimizerSettings(OptimizerKind.Adam),
        "adamw" => new OptimizerSettings(OptimizerKind.AdamW),
        "adamax" => new OptimizerSettings(OptimizerKind.Adamax),
        "nadam" => new OptimizerSettings(OptimizerKind.NAdam),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown optimizer."),
    };

    /// <summary>The schedule for a name over <paramref name="epochs"/> epochs, scaled to the optimizer's rate η.</summary>
    public static LearningRateSchedule? Schedule(string name, int epochs, double rate) => name switch
    {
        "none" => null,
        "step" => new StepDecay(Math.Max(1, epochs / 3), 0.5),
        "exponential" => new ExponentialDecay(0.95),
        "cyclic" => new CyclicSchedule(rate / 5, rate * 2, Math.Max(1, epochs / 6)),
        "cosine" => new CosineWarmRestarts(Math.Max(1, epochs / 3), 2),
        "onecycle" => new OneCycleSchedule(rate * 3, Math.Max(2, epochs)),
        "plateau" => new ReduceOnPlateau(Factor: 0.5, Patience: 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown schedule."),
    };
}

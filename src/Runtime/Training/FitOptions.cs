using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ModelGen.Data;

namespace ModelGen.Training
{
    /// <summary>Settings of <see cref="Trainer.Fit"/>; every property has a usable default.</summary>
    public sealed record FitOptions
    {
        /// <summary>Passes over the training samples (default 10).</summary>
        public int Epochs { get; init; } = 10;

        /// <summary>Samples per optimization step (default 32); the last batch of an epoch may be smaller.</summary>
        public int BatchSize { get; init; } = 32;

        /// <summary>Whether each epoch visits the training samples in a fresh random order (default true).</summary>
        public bool Shuffle { get; init; } = true;

        /// <summary>
        /// The seed of the validation split, of the shuffles and of TorchSharp's global generator
        /// (reset with <c>torch.manual_seed</c> when training starts, so dropout masks repeat too).
        /// Default 0; null trains unseeded. Seed the generator before creating the model as well
        /// to make the initial weights repeat.
        /// </summary>
        public int? Seed { get; init; } = 0;

        /// <summary>
        /// The share of the data held out for validation, chosen at random with <see cref="Seed"/>
        /// (⌈N·share⌉ samples); 0 (default) validates on nothing unless <see cref="ValidationData"/> is set.
        /// </summary>
        public double ValidationSplit { get; init; }

        /// <summary>A separate validation set, evaluated after every epoch; excludes <see cref="ValidationSplit"/>.</summary>
        public TensorDataset? ValidationData { get; init; }

        /// <summary>Samples per forward pass when evaluating (default 256); it does not change the figures.</summary>
        public int EvaluationBatchSize { get; init; } = 256;

        /// <summary>How progress is shown (default <see cref="ProgressMode.Auto"/>).</summary>
        public ProgressMode Progress { get; init; } = ProgressMode.Auto;

        /// <summary>Where progress is written; the console when null. Setting it makes <see cref="ProgressMode.Auto"/> write lines.</summary>
        public TextWriter? Output { get; init; }

        /// <summary>
        /// Epochs already trained (default 0): Fit runs epochs <c>InitialEpoch + 1</c> to
        /// <see cref="Epochs"/>, with the same shuffles, dropout masks and learning rates as an
        /// uninterrupted run. Resume with <c>Checkpoint.Load</c>, which returns the saved epoch.
        /// </summary>
        public int InitialEpoch { get; init; }

        /// <summary>The learning rate per epoch (default none: the optimizer's rate throughout).</summary>
        public LearningRateSchedule? Schedule { get; init; }

        /// <summary>Stop when the monitored loss stops improving, restoring the best weights (default none).</summary>
        public EarlyStopping? EarlyStopping { get; init; }

        /// <summary>Hooks called at epoch start, after each step and at epoch end.</summary>
        public IReadOnlyList<FitCallback> Callbacks { get; init; } = Array.Empty<FitCallback>();

        /// <summary>Stops training cleanly after the current step; Fit then returns the history so far (<see cref="StopReason.Cancelled"/>).</summary>
        public CancellationToken CancellationToken { get; init; }

        /// <summary>Also measure top-k accuracy on validation data (default 0: off; classification losses only).</summary>
        public int TopK { get; init; }

        /// <summary>The standard deviation of Gaussian noise added to training inputs (default 0: none).</summary>
        public double InputNoise { get; init; }

        /// <summary>Random flips and shifts of training images (default none).</summary>
        public ImageAugmentation? Augmentation { get; init; }

        /// <summary>Saves a checkpoint here after every epoch (atomically; default none).</summary>
        public string? CheckpointPath { get; init; }

        /// <summary>Throws when a setting is out of range.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is not positive or the split is outside [0, 1).</exception>
        /// <exception cref="ArgumentException">Both a split and validation data are given.</exception>
        public void Validate()
        {
            if (Epochs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Train for at least one epoch.");
            }

            if (BatchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "A batch holds at least one sample.");
            }

            if (EvaluationBatchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(EvaluationBatchSize), EvaluationBatchSize, "A batch holds at least one sample.");
            }

            if (!(ValidationSplit >= 0 && ValidationSplit < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(ValidationSplit), ValidationSplit, "The validation share must lie in [0, 1).");
            }

            if (InitialEpoch < 0 || InitialEpoch >= Epochs)
            {
                throw new ArgumentOutOfRangeException(nameof(InitialEpoch), InitialEpoch, $"Resume from an epoch in [0, {Epochs}).");
            }

            if (TopK < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "Top-k needs k ≥ 1 (0 turns it off).");
            }

            if (!(InputNoise >= 0) || double.IsInfinity(InputNoise))
            {
                throw new ArgumentOutOfRangeException(nameof(InputNoise), InputNoise, "The noise's standard deviation must be zero or positive.");
            }

            EarlyStopping?.Validate();
            if (ValidationSplit > 0 && ValidationData is not null)
            {
                throw new ArgumentException("Give either a validation split or validation data, not both.", nameof(ValidationData));
            }
        }
    }
}

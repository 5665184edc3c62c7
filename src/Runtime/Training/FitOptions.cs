using System;
using System.IO;
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

            if (ValidationSplit > 0 && ValidationData is not null)
            {
                throw new ArgumentException("Give either a validation split or validation data, not both.", nameof(ValidationData));
            }
        }
    }
}

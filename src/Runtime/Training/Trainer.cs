using System;
using System.Collections.Generic;
using System.Diagnostics;
using ModelGen.Data;
using ModelGen.Training.Progress;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Training and evaluation loops for generated models: <c>model.Fit(data, options)</c> and
    /// <c>model.Evaluate(data)</c>. Batches are moved to the model's device; every step runs in its
    /// own dispose scope, so no tensor outlives the step that made it.
    /// </summary>
    public static class Trainer
    {
        /// <summary>
        /// Trains <paramref name="model"/> with its declared loss and optimizer: for each epoch, the
        /// training samples in batches (shuffled with the seed), each batch a step of forward, loss,
        /// backward and optimizer update; then, with validation data, an evaluation.
        /// </summary>
        /// <typeparam name="TModel">A generated model with a loss and an optimizer.</typeparam>
        /// <param name="model">The model; left in training mode.</param>
        /// <param name="data">The samples; with <see cref="FitOptions.ValidationSplit"/> a seeded share of them is held out.</param>
        /// <param name="options">The settings; defaults when null.</param>
        /// <returns>Every epoch's loss and accuracy, for training and validation.</returns>
        /// <exception cref="NonFiniteLossException">A batch's loss was NaN or infinite; nothing of that step was applied.</exception>
        public static TrainingHistory Fit<TModel>(this TModel model, TensorDataset data, FitOptions? options = null)
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            options ??= new FitOptions();
            options.Validate();

            int seed = options.Seed ?? Random.Shared.Next();
            if (options.Seed is int torchSeed)
            {
                torch.manual_seed(torchSeed);
            }

            TensorDataset train = data;
            TensorDataset? validation = options.ValidationData;
            bool ownsSplit = options.ValidationSplit > 0;
            if (ownsSplit)
            {
                (train, validation) = data.TrainTestSplit(options.ValidationSplit, seed);
            }

            try
            {
                var loop = new FitLoop<TModel>(model, train, validation, options, new Random(seed));
                FitProgress progress = FitProgress.Create(options, Console.IsOutputRedirected);
                return loop.Run(progress);
            }
            finally
            {
                if (ownsSplit)
                {
                    train.Dispose();
                    validation?.Dispose();
                }
            }
        }

        /// <summary>
        /// The declared loss averaged over every sample, and the accuracy, in evaluation mode
        /// (dropout off, batch-norm running statistics) without gradients. The model's mode is
        /// restored afterwards.
        /// </summary>
        /// <typeparam name="TModel">A generated model with a loss.</typeparam>
        /// <param name="model">The model.</param>
        /// <param name="data">The samples.</param>
        /// <param name="batchSize">Samples per forward pass (default 256); it does not change the figures.</param>
        /// <returns>The mean loss, the accuracy (null for a regression loss) and the sample count.</returns>
        public static EvaluationResult Evaluate<TModel>(this TModel model, TensorDataset data, int batchSize = 256)
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one sample.");
            }

            if (data.Count == 0)
            {
                throw new ArgumentException("Cannot evaluate on an empty data set.", nameof(data));
            }

            Device device = ((IGeneratedModel)model).Device;
            bool wasTraining = model.training;
            model.eval();
            try
            {
                using var noGrad = torch.no_grad();
                double lossSum = 0;
                long correct = 0;
                long total = 0;
                for (int start = 0; start < data.Count; start += batchSize)
                {
                    using var scope = torch.NewDisposeScope();
                    int length = Math.Min(batchSize, data.Count - start);
                    Tensor indices = torch.arange(start, start + length, dtype: ScalarType.Int64);
                    (Tensor input, Tensor target) = data.Gather(indices);
                    input = input.to(device);
                    target = target.to(device);
                    Tensor output = model.forward(input);
                    lossSum += model.ComputeLoss(output, target).to(ScalarType.Float64).item<double>() * length;
                    (long c, long t) = Accuracy.Count(model.LossKind, output, target);
                    correct += c;
                    total += t;
                }

                double? accuracy = Accuracy.IsDefined(model.LossKind) && total > 0 ? (double)correct / total : null;
                return new EvaluationResult(lossSum / data.Count, accuracy, data.Count);
            }
            finally
            {
                model.train(wasTraining);
            }
        }

        /// <summary>The state of one <see cref="Fit"/> call.</summary>
        private sealed class FitLoop<TModel>
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            private readonly TModel _model;
            private readonly TensorDataset _train;
            private readonly TensorDataset? _validation;
            private readonly FitOptions _options;
            private readonly Random _random;
            private readonly Device _device;
            private readonly List<EpochMetrics> _epochs = new();
            private long _globalStep;

            public FitLoop(TModel model, TensorDataset train, TensorDataset? validation, FitOptions options, Random random)
            {
                _model = model;
                _train = train;
                _validation = validation;
                _options = options;
                _random = random;
                _device = ((IGeneratedModel)model).Device;
            }

            private int StepsPerEpoch => (_train.Count + _options.BatchSize - 1) / _options.BatchSize;

            public TrainingHistory Run(FitProgress progress)
            {
                var clock = Stopwatch.StartNew();
                progress.Run(((IGeneratedModel)_model).ModelName, _options.Epochs, StepsPerEpoch, () =>
                {
                    for (int epoch = 1; epoch <= _options.Epochs; epoch++)
                    {
                        progress.EpochCompleted(RunEpoch(epoch, progress), _options.Epochs);
                    }
                });
                return new TrainingHistory(_epochs, _train.Count, _validation?.Count ?? 0, clock.Elapsed);
            }

            private EpochMetrics RunEpoch(int epoch, FitProgress progress)
            {
                var clock = Stopwatch.StartNew();
                _model.train();
                long[] order = _options.Shuffle
                    ? SeededPermutation.Create(_train.Count, _random)
                    : SeededPermutation.Identity(_train.Count);
                using Tensor orderTensor = torch.tensor(order, dtype: ScalarType.Int64).DetachFromDisposeScope();

                double lossSum = 0;
                long correct = 0;
                long total = 0;
                int steps = StepsPerEpoch;
                for (int step = 1; step <= steps; step++)
                {
                    int start = (step - 1) * _options.BatchSize;
                    int length = Math.Min(_options.BatchSize, _train.Count - start);
                    (float loss, long c, long t) = RunStep(orderTensor, start, length, epoch, step);
                    lossSum += (double)loss * length;
                    correct += c;
                    total += t;
                    progress.StepCompleted(epoch, step, lossSum / (start + length));
                }

                double? trainAccuracy = Accuracy.IsDefined(_model.LossKind) && total > 0 ? (double)correct / total : null;
                EvaluationResult? validation = _validation is null ? null : _model.Evaluate(_validation, _options.EvaluationBatchSize);
                var metrics = new EpochMetrics(
                    epoch,
                    lossSum / _train.Count,
                    trainAccuracy,
                    validation?.Loss,
                    validation?.Accuracy,
                    steps,
                    clock.Elapsed);
                _epochs.Add(metrics);
                return metrics;
            }

            private (float Loss, long Correct, long Total) RunStep(Tensor order, int start, int length, int epoch, int step)
            {
                _globalStep++;
                using var scope = torch.NewDisposeScope();
                (Tensor input, Tensor target) = _train.Gather(order.narrow(0, start, length));
                var observer = new StepObserver(_model, epoch, step, _globalStep);
                float loss = _model.TrainStep(input.to(_device), target.to(_device), observer);
                return (loss, observer.Correct, observer.Total);
            }
        }

        /// <summary>
        /// Checks each step's loss before the update (a NaN or infinite loss stops training with
        /// nothing of that step applied) and counts the step's right predictions.
        /// </summary>
        private sealed class StepObserver : ITrainingStepObserver
        {
            private readonly ITrainableModel _model;
            private readonly int _epoch;
            private readonly int _step;
            private readonly long _globalStep;

            public StepObserver(ITrainableModel model, int epoch, int step, long globalStep)
            {
                _model = model;
                _epoch = epoch;
                _step = step;
                _globalStep = globalStep;
            }

            public long Correct { get; private set; }

            public long Total { get; private set; }

            public void BeforeUpdate(Tensor output, Tensor target, float loss)
            {
                if (!float.IsFinite(loss))
                {
                    throw new NonFiniteLossException(
                        _model.ModelName, _epoch, _step, _globalStep, loss, ParameterStatistics.Collect((nn.Module)_model));
                }

                (Correct, Total) = Accuracy.Count(_model.LossKind, output, target);
            }
        }
    }
}

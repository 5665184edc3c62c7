using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
        /// learning rate of the schedule, the training samples in batches (shuffled with the seed,
        /// augmented and noised when asked), each batch a step of forward, loss, backward and update;
        /// then, with validation data, an evaluation, the callbacks, a checkpoint and the early-stopping check.
        /// </summary>
        /// <typeparam name="TModel">A generated model with a loss and an optimizer.</typeparam>
        /// <param name="model">The model; left in training mode.</param>
        /// <param name="data">The samples; with <see cref="FitOptions.ValidationSplit"/> a seeded share of them is held out.</param>
        /// <param name="options">The settings; defaults when null.</param>
        /// <returns>Every epoch's figures, why training stopped and the best epoch.</returns>
        /// <exception cref="NonFiniteLossException">A batch's loss or gradients were NaN or infinite; nothing of that step was applied.</exception>
        /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
        public static TrainingHistory Fit<TModel>(this TModel model, TensorDataset data, FitOptions? options = null)
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            StepGuard.ThrowIfDisposed(model);
            options ??= new FitOptions();
            options.Validate();

            int seed = options.Seed ?? Random.Shared.Next();
            TensorDataset train = data;
            TensorDataset? validation = options.ValidationData;
            bool ownsSplit = options.ValidationSplit > 0;
            if (ownsSplit)
            {
                (train, validation) = data.TrainTestSplit(options.ValidationSplit, seed);
            }

            try
            {
                var loop = new FitLoop<TModel>(model, train, validation, options, seed);
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
        /// <param name="topK">Also count top-k accuracy (0, the default, for none; classification only).</param>
        /// <returns>The mean loss, the accuracy (null for a regression loss) and the sample count.</returns>
        public static EvaluationResult Evaluate<TModel>(this TModel model, TensorDataset data, int batchSize = 256, int topK = 0)
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            StepGuard.ThrowIfDisposed(model);
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
            bool countTopK = topK > 0 && Accuracy.HasClasses(model.LossKind);
            model.eval();
            try
            {
                using var noGrad = torch.no_grad();
                double lossSum = 0;
                long correct = 0;
                long total = 0;
                long topCorrect = 0;
                for (int start = 0; start < data.Count; start += batchSize)
                {
                    using var scope = torch.NewDisposeScope();
                    int length = Math.Min(batchSize, data.Count - start);
                    Tensor indices = torch.arange(start, start + length, dtype: ScalarType.Int64);
                    (Tensor input, Tensor target) = data.Gather(indices);
                    input = input.to(device);
                    target = target.to(device);
                    model.LossFunction.CheckBatch(model.ModelName, input, target, ((IGeneratedModel)model).OutputShape);
                    Tensor output = model.forward(input);
                    lossSum += model.ComputeLoss(output, target).to(ScalarType.Float64).item<double>() * length;
                    (long c, long t) = Accuracy.Count(model.LossKind, output, target);
                    correct += c;
                    total += t;
                    if (countTopK)
                    {
                        topCorrect += Accuracy.CountTopK(output, target, topK);
                    }
                }

                double? accuracy = Accuracy.IsDefined(model.LossKind) && total > 0 ? (double)correct / total : null;
                return new EvaluationResult(lossSum / data.Count, accuracy, data.Count)
                {
                    TopK = countTopK ? topK : 0,
                    TopKAccuracy = countTopK ? (double)topCorrect / data.Count : null,
                };
            }
            finally
            {
                model.train(wasTraining);
            }
        }

        /// <summary>A seed for one epoch, so that epoch e draws the same shuffle and dropout masks whether or not the run was resumed.</summary>
        internal static int EpochSeed(int seed, int epoch) => unchecked((seed * 1_000_003) + epoch);

        /// <summary>The state of one <see cref="Fit"/> call.</summary>
        private sealed class FitLoop<TModel>
            where TModel : nn.Module<Tensor, Tensor>, ITrainableModel
        {
            private readonly TModel _model;
            private readonly TensorDataset _train;
            private readonly TensorDataset? _validation;
            private readonly FitOptions _options;
            private readonly int _seed;
            private readonly Device _device;
            private readonly List<EpochMetrics> _epochs = new();
            private readonly FitState _state;
            private StopReason _stopReason = StopReason.Completed;

            public FitLoop(TModel model, TensorDataset train, TensorDataset? validation, FitOptions options, int seed)
            {
                _model = model;
                _train = train;
                _validation = validation;
                _options = options;
                _seed = seed;
                _device = ((IGeneratedModel)model).Device;
                _state = new FitState(model, model) { History = _epochs };
            }

            private int StepsPerEpoch => (_train.Count + _options.BatchSize - 1) / _options.BatchSize;

            public TrainingHistory Run(FitProgress progress)
            {
                var clock = Stopwatch.StartNew();
                progress.Run(_model.ModelName, _options.Epochs, StepsPerEpoch, () =>
                {
                    var stopping = _options.EarlyStopping is null ? null : new EarlyStoppingTracker(_options.EarlyStopping, _model);
                    try
                    {
                        for (int epoch = _options.InitialEpoch + 1; epoch <= _options.Epochs; epoch++)
                        {
                            EpochMetrics? metrics = RunEpoch(epoch, progress);
                            if (metrics is null)
                            {
                                break;
                            }

                            progress.EpochCompleted(metrics, _options.Epochs);
                            foreach (FitCallback callback in _options.Callbacks)
                            {
                                callback.OnEpochEnd(_state, metrics);
                            }

                            if (_options.CheckpointPath is string path)
                            {
                                Checkpoint.Save(_model, path, epoch);
                            }

                            if (_stopReason != StopReason.Completed || _state.StopRequested)
                            {
                                _stopReason = _stopReason == StopReason.Completed ? StopReason.Callback : _stopReason;
                                break;
                            }

                            if (stopping is not null && stopping.ShouldStop(metrics))
                            {
                                _stopReason = StopReason.EarlyStopping;
                                break;
                            }
                        }

                        stopping?.RestoreBest(_epochs);
                    }
                    finally
                    {
                        stopping?.Dispose();
                    }
                });
                return new TrainingHistory(_epochs, _train.Count, _validation?.Count ?? 0, clock.Elapsed) { StopReason = _stopReason };
            }

            /// <summary>Runs one epoch; null when it was cancelled before its first step.</summary>
            private EpochMetrics? RunEpoch(int epoch, FitProgress progress)
            {
                var clock = Stopwatch.StartNew();
                if (_options.CancellationToken.IsCancellationRequested)
                {
                    _stopReason = StopReason.Cancelled;
                    return null;
                }

                _model.train();
                if (_options.Seed is int seed)
                {
                    torch.manual_seed(EpochSeed(seed, epoch));
                }

                double learningRate = SetLearningRate(epoch);
                _state.Epoch = epoch;
                _state.Step = 0;
                _state.LearningRate = learningRate;
                foreach (FitCallback callback in _options.Callbacks)
                {
                    callback.OnEpochStart(_state);
                }

                long[] order = _options.Shuffle
                    ? SeededPermutation.Create(_train.Count, new Random(EpochSeed(_seed, epoch)))
                    : SeededPermutation.Identity(_train.Count);
                using Tensor orderTensor = torch.tensor(order, dtype: ScalarType.Int64).DetachFromDisposeScope();

                double lossSum = 0;
                long correct = 0;
                long total = 0;
                int samples = 0;
                int steps = 0;
                for (int step = 1; step <= StepsPerEpoch; step++)
                {
                    int start = (step - 1) * _options.BatchSize;
                    int length = Math.Min(_options.BatchSize, _train.Count - start);
                    (float loss, long c, long t) = RunStep(orderTensor, start, length, epoch, step);
                    lossSum += (double)loss * length;
                    samples += length;
                    correct += c;
                    total += t;
                    steps = step;
                    progress.StepCompleted(epoch, step, lossSum / samples);
                    foreach (FitCallback callback in _options.Callbacks)
                    {
                        callback.OnStepEnd(_state);
                    }

                    if (_options.CancellationToken.IsCancellationRequested)
                    {
                        _stopReason = StopReason.Cancelled;
                        break;
                    }

                    if (_state.StopRequested)
                    {
                        _stopReason = StopReason.Callback;
                        break;
                    }
                }

                double? trainAccuracy = Accuracy.IsDefined(_model.LossKind) && total > 0 ? (double)correct / total : null;
                EvaluationResult? validation = _validation is null ? null : _model.Evaluate(_validation, _options.EvaluationBatchSize, _options.TopK);
                var metrics = new EpochMetrics(
                    epoch,
                    lossSum / samples,
                    trainAccuracy,
                    validation?.Loss,
                    validation?.Accuracy,
                    steps,
                    clock.Elapsed)
                {
                    LearningRate = learningRate,
                    TopK = validation?.TopK ?? 0,
                    ValidationTopKAccuracy = validation?.TopKAccuracy,
                };
                _epochs.Add(metrics);
                return metrics;
            }

            private double SetLearningRate(int epoch)
            {
                optim.Optimizer optimizer = _model.Optimizer;
                if (_options.Schedule is not LearningRateSchedule schedule)
                {
                    return optimizer.ParamGroups.First().LearningRate;
                }

                double rate = schedule.Rate(epoch - 1, _model.OptimizerSettings.LearningRate, _epochs);
                foreach (TorchSharp.Modules.ParamGroup group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                return rate;
            }

            private (float Loss, long Correct, long Total) RunStep(Tensor order, int start, int length, int epoch, int step)
            {
                _state.GlobalStep++;
                _state.Step = step;
                using var scope = torch.NewDisposeScope();
                (Tensor input, Tensor target) = _train.Gather(order.narrow(0, start, length));
                input = input.to(_device);
                if (_options.Augmentation is ImageAugmentation augmentation)
                {
                    input = augmentation.Apply(input);
                }

                if (_options.InputNoise > 0)
                {
                    input = input + (torch.randn_like(input) * _options.InputNoise);
                }

                var observer = new StepObserver(_model.LossKind);
                float loss;
                try
                {
                    loss = _model.TrainStep(input, target.to(_device), observer);
                }
                catch (NonFiniteLossException error) when (error.Epoch == 0)
                {
                    throw new NonFiniteLossException(error.Model, epoch, step, _state.GlobalStep, error.Loss, error.Parameters, error);
                }

                _state.Loss = loss;
                return (loss, observer.Correct, observer.Total);
            }
        }

        /// <summary>Counts each step's right predictions (the step itself refuses a non-finite loss).</summary>
        private sealed class StepObserver : ITrainingStepObserver
        {
            private readonly LossKind _kind;

            public StepObserver(LossKind kind) => _kind = kind;

            public long Correct { get; private set; }

            public long Total { get; private set; }

            public void BeforeUpdate(Tensor output, Tensor target, float loss) => (Correct, Total) = Accuracy.Count(_kind, output, target);
        }

        /// <summary>Early stopping's bookkeeping: the best loss, its epoch and a copy of its weights.</summary>
        private sealed class EarlyStoppingTracker : IDisposable
        {
            private readonly EarlyStopping _settings;
            private readonly nn.Module _module;
            private Dictionary<string, Tensor>? _bestWeights;
            private double _best = double.PositiveInfinity;
            private int _bestEpoch;
            private int _wait;

            public EarlyStoppingTracker(EarlyStopping settings, nn.Module module)
            {
                _settings = settings;
                _module = module;
            }

            public bool ShouldStop(EpochMetrics metrics)
            {
                double value = metrics.ValidationLoss ?? metrics.TrainLoss;
                if (value < _best - _settings.MinDelta)
                {
                    _best = value;
                    _bestEpoch = metrics.Epoch;
                    _wait = 0;
                    if (_settings.RestoreBestWeights)
                    {
                        DisposeWeights();
                        using var noGrad = torch.no_grad();
                        _bestWeights = _module.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.clone().DetachFromDisposeScope());
                    }

                    return false;
                }

                return ++_wait >= _settings.Patience;
            }

            public void RestoreBest(IReadOnlyList<EpochMetrics> epochs)
            {
                if (_bestWeights is null || epochs.Count == 0 || epochs[epochs.Count - 1].Epoch == _bestEpoch)
                {
                    return;
                }

                using var noGrad = torch.no_grad();
                foreach ((string key, Tensor value) in _module.state_dict())
                {
                    value.copy_(_bestWeights[key]);
                }
            }

            public void Dispose() => DisposeWeights();

            private void DisposeWeights()
            {
                if (_bestWeights is not null)
                {
                    foreach (Tensor tensor in _bestWeights.Values)
                    {
                        tensor.Dispose();
                    }

                    _bestWeights = null;
                }
            }
        }
    }
}

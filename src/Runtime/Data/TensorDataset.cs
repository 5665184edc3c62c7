using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Data
{
    /// <summary>
    /// An in-memory data set: a features tensor and a targets tensor whose first dimensions are the
    /// sample index. The data set owns both tensors (they are detached from any dispose scope) and
    /// frees them when disposed; derived data sets (<see cref="Shuffle"/>, <see cref="Subset"/>,
    /// <see cref="TrainTestSplit"/>) hold copies and must be disposed too.
    /// </summary>
    public sealed class TensorDataset : IDisposable
    {
        private bool _disposed;

        /// <summary>Creates a data set from tensors it takes ownership of.</summary>
        /// <param name="features">N×… inputs.</param>
        /// <param name="targets">N×… targets (class indices as int64 for cross-entropy, floats otherwise).</param>
        /// <exception cref="ArgumentException">The tensors are scalars or disagree on N.</exception>
        public TensorDataset(Tensor features, Tensor targets)
        {
            ArgumentNullException.ThrowIfNull(features);
            ArgumentNullException.ThrowIfNull(targets);
            if (features.dim() == 0 || targets.dim() == 0)
            {
                throw new ArgumentException("Features and targets need a sample dimension; scalars are not data sets.");
            }

            if (features.shape[0] != targets.shape[0])
            {
                throw new ArgumentException(
                    $"Features hold {features.shape[0]} samples but targets hold {targets.shape[0]}.", nameof(targets));
            }

            if (features.shape[0] > int.MaxValue)
            {
                throw new ArgumentException("In-memory data sets are limited to int.MaxValue samples.", nameof(features));
            }

            Features = features.DetachFromDisposeScope();
            Targets = targets.DetachFromDisposeScope();
        }

        /// <summary>The inputs, N×<see cref="SampleShape"/>.</summary>
        public Tensor Features { get; }

        /// <summary>The targets, N×<see cref="TargetShape"/>.</summary>
        public Tensor Targets { get; }

        /// <summary>The number of samples N.</summary>
        public int Count => (int)Features.shape[0];

        /// <summary>The shape of one input sample.</summary>
        public TensorShape SampleShape => new TensorShape(Features.shape[1..]);

        /// <summary>The shape of one target (empty for class indices).</summary>
        public TensorShape TargetShape => new TensorShape(Targets.shape[1..]);

        /// <summary>
        /// Creates a data set from flat row-major arrays, for classification: one int64 class index
        /// per sample.
        /// </summary>
        /// <param name="features">All samples' values, sample after sample.</param>
        /// <param name="sampleShape">The shape of one sample (its product times N must be the array's length).</param>
        /// <param name="labels">One class index per sample.</param>
        /// <returns>A data set of <paramref name="labels"/>.Length samples.</returns>
        public static TensorDataset FromArrays(float[] features, long[] sampleShape, long[] labels)
        {
            ArgumentNullException.ThrowIfNull(labels);
            return Create(features, sampleShape, labels.Length, () => torch.tensor(labels, dtype: ScalarType.Int64));
        }

        /// <summary>
        /// Creates a data set from flat row-major arrays, for regression or binary targets: float
        /// targets of <paramref name="targetShape"/> per sample.
        /// </summary>
        /// <param name="features">All samples' values, sample after sample.</param>
        /// <param name="sampleShape">The shape of one sample.</param>
        /// <param name="targets">All samples' targets, sample after sample.</param>
        /// <param name="targetShape">The shape of one target (for example <c>[1]</c> for one output unit).</param>
        /// <returns>A data set.</returns>
        public static TensorDataset FromArrays(float[] features, long[] sampleShape, float[] targets, long[] targetShape)
        {
            ArgumentNullException.ThrowIfNull(targets);
            ArgumentNullException.ThrowIfNull(targetShape);
            long perTarget = Product(targetShape);
            if (perTarget <= 0 || targets.Length % perTarget != 0)
            {
                throw new ArgumentException(
                    $"{targets.Length} target values do not divide into targets of shape {TensorShape.Format(targetShape)}.", nameof(targets));
            }

            long count = targets.Length / perTarget;
            return Create(features, sampleShape, count, () => torch.tensor(targets, Prepend(count, targetShape), ScalarType.Float32));
        }

        /// <summary>The samples at <paramref name="indices"/>, in that order, as a new data set.</summary>
        /// <param name="indices">Sample indices in [0, N).</param>
        /// <returns>A new data set holding copies.</returns>
        public TensorDataset Subset(long[] indices)
        {
            ArgumentNullException.ThrowIfNull(indices);
            ThrowIfDisposed();
            foreach (long index in indices)
            {
                if (index < 0 || index >= Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(indices), index, $"Sample indices must lie in [0, {Count}).");
                }
            }

            using var scope = torch.NewDisposeScope();
            Tensor order = torch.tensor(indices, dtype: ScalarType.Int64);
            return new TensorDataset(Features.index_select(0, order), Targets.index_select(0, order));
        }

        /// <summary>The samples in a random order decided by <paramref name="seed"/> alone.</summary>
        /// <param name="seed">The seed of the permutation.</param>
        /// <returns>A new, shuffled data set.</returns>
        public TensorDataset Shuffle(int seed) => Subset(SeededPermutation.Create(Count, new Random(seed)));

        /// <summary>
        /// Splits the samples at random (decided by <paramref name="seed"/>) into a training part and
        /// a test part of ⌈N·<paramref name="testFraction"/>⌉ samples, as scikit-learn's
        /// <c>train_test_split</c> sizes it.
        /// </summary>
        /// <param name="testFraction">The share of samples held out, in (0, 1).</param>
        /// <param name="seed">The seed of the shuffle that precedes the split.</param>
        /// <returns>Two new data sets that together hold every sample once.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The fraction leaves either part empty.</exception>
        public (TensorDataset Train, TensorDataset Test) TrainTestSplit(double testFraction, int seed)
        {
            ThrowIfDisposed();
            int testCount = TestCount(Count, testFraction);
            long[] order = SeededPermutation.Create(Count, new Random(seed));
            TensorDataset test = Subset(order[..testCount]);
            try
            {
                return (Subset(order[testCount..]), test);
            }
            catch
            {
                test.Dispose();
                throw;
            }
        }

        /// <summary>The number of samples a split of <paramref name="count"/> by <paramref name="testFraction"/> holds out.</summary>
        /// <param name="count">The number of samples.</param>
        /// <param name="testFraction">The share held out, in (0, 1).</param>
        /// <returns>⌈<paramref name="count"/>·<paramref name="testFraction"/>⌉.</returns>
        /// <exception cref="ArgumentOutOfRangeException">Either part would be empty.</exception>
        public static int TestCount(int count, double testFraction)
        {
            if (!(testFraction > 0 && testFraction < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The held-out fraction must lie strictly between 0 and 1.");
            }

            int testCount = (int)Math.Ceiling(count * testFraction);
            if (testCount >= count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(testFraction), testFraction, $"Holding out {testCount} of {count} samples leaves none to train on.");
            }

            return testCount;
        }

        /// <summary>The features and targets of the samples whose indices <paramref name="indices"/> holds.</summary>
        /// <remarks>The returned tensors belong to the caller's dispose scope.</remarks>
        internal (Tensor Features, Tensor Targets) Gather(Tensor indices) =>
            (Features.index_select(0, indices), Targets.index_select(0, indices));

        /// <summary>Frees both tensors.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Features.Dispose();
            Targets.Dispose();
        }

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

        private static TensorDataset Create(float[] features, long[] sampleShape, long count, Func<Tensor> targets)
        {
            ArgumentNullException.ThrowIfNull(features);
            ArgumentNullException.ThrowIfNull(sampleShape);
            long perSample = Product(sampleShape);
            if (perSample <= 0 || features.Length != count * perSample)
            {
                throw new ArgumentException(
                    $"{features.Length} feature values do not make {count} samples of shape {TensorShape.Format(sampleShape)}.", nameof(features));
            }

            using var scope = torch.NewDisposeScope();
            return new TensorDataset(torch.tensor(features, Prepend(count, sampleShape), ScalarType.Float32), targets());
        }

        private static long Product(long[] shape)
        {
            long product = 1;
            foreach (long dimension in shape)
            {
                product *= dimension;
            }

            return product;
        }

        private static long[] Prepend(long count, long[] shape)
        {
            long[] result = new long[shape.Length + 1];
            result[0] = count;
            shape.CopyTo(result, 1);
            return result;
        }
    }
}

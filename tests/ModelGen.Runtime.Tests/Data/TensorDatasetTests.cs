using System;
using System.Linq;
using ModelGen.Data;
using Xunit;

namespace ModelGen.Runtime.Tests.Data;

public sealed class TensorDatasetTests
{
    [Fact]
    public void Arrays_become_tensors_of_the_declared_shapes()
    {
        using TensorDataset data = TensorDataset.FromArrays(new float[12], new long[] { 1, 2, 3 }, new long[] { 0, 1 });

        Assert.Equal(2, data.Count);
        Assert.Equal(new TensorShape(1, 2, 3), data.SampleShape);
        Assert.Equal(new TensorShape(), data.TargetShape);
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, data.Targets.dtype);
    }

    [Fact]
    public void Arrays_that_do_not_fit_the_shape_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TensorDataset.FromArrays(new float[11], new long[] { 2, 3 }, new long[] { 0, 1 }));
        Assert.Throws<ArgumentException>(() => TensorDataset.FromArrays(new float[6], new long[] { 3 }, new float[3], new long[] { 2 }));
    }

    [Theory]
    [InlineData(100, 0.2, 20)]
    [InlineData(1797, 0.2, 360)] // ⌈359.4⌉, as scikit-learn's train_test_split sizes it
    [InlineData(10, 0.25, 3)]
    public void A_split_holds_out_the_ceiling_and_partitions_the_samples(int count, double fraction, int expectedTest)
    {
        using TensorDataset data = Indexed(count);

        (TensorDataset train, TensorDataset test) = data.TrainTestSplit(fraction, seed: 7);
        using (train)
        using (test)
        {
            Assert.Equal(expectedTest, test.Count);
            Assert.Equal(count - expectedTest, train.Count);
            long[] all = Labels(train).Concat(Labels(test)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), all);
            Assert.Equal(Labels(train).Select(l => (float)l), TestData.Values(train.Features)); // rows stay with their targets
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        using TensorDataset data = Indexed(50);

        long[] first = TestOf(data, seed: 3);
        long[] again = TestOf(data, seed: 3);
        long[] other = TestOf(data, seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Shuffle_permutes_every_sample_once()
    {
        using TensorDataset data = Indexed(40);
        using TensorDataset shuffled = data.Shuffle(seed: 1);

        long[] order = Labels(shuffled);
        Assert.NotEqual(Enumerable.Range(0, 40).Select(i => (long)i), order);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), order.Order());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.999)] // would leave nothing to train on
    public void A_split_that_empties_a_part_is_rejected(double fraction)
    {
        using TensorDataset data = Indexed(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.TrainTestSplit(fraction, seed: 0));
    }

    private static TensorDataset Indexed(int count) =>
        TensorDataset.FromArrays(Enumerable.Range(0, count).Select(i => (float)i).ToArray(), new long[] { 1 }, Enumerable.Range(0, count).Select(i => (long)i).ToArray());

    private static long[] Labels(TensorDataset data) => data.Targets.data<long>().ToArray();

    private static long[] TestOf(TensorDataset data, int seed)
    {
        (TensorDataset train, TensorDataset test) = data.TrainTestSplit(0.3, seed);
        using (train)
        using (test)
        {
            return Labels(test);
        }
    }
}

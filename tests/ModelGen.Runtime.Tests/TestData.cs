using System;
using ModelGen.Data;
using TorchSharp;

namespace ModelGen.Runtime.Tests;

/// <summary>Small data sets and helpers shared by the tests.</summary>
internal static class TestData
{
    /// <summary>The four rows of a two-input truth table: (0,0), (0,1), (1,0), (1,1).</summary>
    public static readonly float[] TruthTableInputs = { 0, 0, 0, 1, 1, 0, 1, 1 };

    /// <summary>NAND's outputs for <see cref="TruthTableInputs"/>: false only for (1,1).</summary>
    public static readonly float[] Nand = { 1, 1, 1, 0 };

    /// <summary>XOR's outputs for <see cref="TruthTableInputs"/>.</summary>
    public static readonly float[] Xor = { 0, 1, 1, 0 };

    /// <summary>A truth table as a data set with one 0/1 target per row.</summary>
    public static TensorDataset TruthTable(float[] outputs) =>
        TensorDataset.FromArrays(TruthTableInputs, new long[] { 2 }, outputs, new long[] { 1 });

    /// <summary>The first <paramref name="count"/> digits.</summary>
    public static TensorDataset Digits(int count, DigitsLayout layout)
    {
        using TensorDataset all = DigitsDataset.Load(layout);
        return all.Subset(FirstIndices(count));
    }

    /// <summary>Copies a parameter's values to a flat array.</summary>
    public static float[] Values(torch.Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();

    /// <summary>Overwrites a parameter without recording the operation.</summary>
    public static void Set(torch.Tensor parameter, float[] values)
    {
        using var noGrad = torch.no_grad();
        using var source = torch.tensor(values, parameter.shape);
        parameter.copy_(source);
    }

    private static long[] FirstIndices(int count)
    {
        long[] indices = new long[count];
        for (int i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        return indices;
    }
}

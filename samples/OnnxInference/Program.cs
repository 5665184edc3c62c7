// Loads a digits CNN exported by `samples/Digits --export PATH.onnx` with ONNX Runtime alone (no
// TorchSharp, no ModelGen runtime) and reports its accuracy on the digits test split, which must
// equal the training run's "test accuracy".
//
// The split is reproduced rather than shipped: the digits sample holds out ceil(1797 × 0.2) = 360
// images chosen by a Fisher–Yates shuffle driven by System.Random(42) (ModelGen's
// TensorDataset.TrainTestSplit and SeededPermutation), and a seeded System.Random gives the same
// sequence on every .NET version and platform. Pixels are scaled to [0, 1] (÷ 16) as
// DigitsDataset does.
using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Microsoft.ML.OnnxRuntime;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: OnnxInference PATH.onnx   (write one with: dotnet run --project samples/Digits -- --export PATH.onnx)");
    return 2;
}

const int Seed = 42;
const double TestFraction = 0.2;
(float[] pixels, long[] labels) = DigitsTable.Read();
int count = labels.Length;
int testCount = (int)Math.Ceiling(count * TestFraction);
long[] order = DigitsTable.Permutation(count, new Random(Seed));
long[] test = order[..testCount];

float[] batch = new float[testCount * 64];
for (int i = 0; i < testCount; i++)
{
    Array.Copy(pixels, test[i] * 64, batch, i * 64L, 64);
}

using var session = new InferenceSession(args[0]);
using OrtValue input = OrtValue.CreateTensorValueFromMemory(batch, new long[] { testCount, 1, 8, 8 });
using var options = new RunOptions();
using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, new[] { "input" }, new[] { input }, new[] { "output" });
ReadOnlySpan<float> logits = outputs[0].GetTensorDataAsSpan<float>();
int correct = 0;
for (int i = 0; i < testCount; i++)
{
    ReadOnlySpan<float> row = logits.Slice(i * 10, 10);
    int best = 0;
    for (int k = 1; k < 10; k++)
    {
        if (row[k] > row[best])
        {
            best = k;
        }
    }

    correct += best == labels[test[i]] ? 1 : 0;
}

Console.WriteLine($"model: {args[0]} (inputs {string.Join(", ", session.InputMetadata.Select(m => $"{m.Key} {string.Join("×", m.Value.Dimensions.Select(d => d < 0 ? "N" : d.ToString(CultureInfo.InvariantCulture)))}"))})");
Console.WriteLine($"test images: {testCount} of {count} (seed {Seed})");
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "test accuracy: {0:F4}", (double)correct / testCount));
return 0;

/// <summary>The embedded digits table and the split's permutation, as ModelGen's runtime reads and shuffles them.</summary>
internal static class DigitsTable
{
    public static (float[] Pixels, long[] Labels) Read()
    {
        using Stream compressed = typeof(DigitsTable).Assembly.GetManifestResourceStream("digits.csv.gz")
            ?? throw new InvalidOperationException("digits.csv.gz is not embedded");
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var pixels = new System.Collections.Generic.List<float>();
        var labels = new System.Collections.Generic.List<long>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            for (int c = 0; c < 64; c++)
            {
                pixels.Add(float.Parse(cells[c], CultureInfo.InvariantCulture) / 16f);
            }

            labels.Add((long)double.Parse(cells[64], CultureInfo.InvariantCulture));
        }

        return (pixels.ToArray(), labels.ToArray());
    }

    /// <summary>Fisher–Yates from the end, as ModelGen.Data.SeededPermutation.</summary>
    public static long[] Permutation(int count, Random random)
    {
        long[] order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// The MLP of issue 11 (64 → 128 → 64 → 10, cross-entropy, SGD lr 0.01, batch 64): the whole
    /// generated <c>TrainStep</c> (generated backward, finite checks included) against the same
    /// network written by hand in TorchSharp (autograd, no checks), same weights and batches,
    /// interleaved ABBA rounds; the headline is the median of the paired per-round ratios.
    /// </summary>
    internal static class MlpBenchmark
    {
        public static double Run(int rounds, int block)
        {
            torch.manual_seed(20242);
            using var generated = new BenchmarkMlp();
            using var handWritten = new HandWrittenMlp();
            handWritten.load_state_dict(generated.state_dict());
            var generator = new torch.Generator(12);
            var batches = Enumerable.Range(0, 32)
                .Select(_ => (randn(new long[] { 64, 64 }, generator: generator), randint(0, 10, new long[] { 64 }, dtype: ScalarType.Int64, generator: generator)))
                .ToList();

            int step = 0;
            for (int i = 0; i < 300; i++)
            {
                generated.TrainStep(batches[i % batches.Count].Item1, batches[i % batches.Count].Item2);
                handWritten.TrainStep(batches[i % batches.Count].Item1, batches[i % batches.Count].Item2);
            }

            var gen = new List<double>();
            var hand = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                if (round % 2 == 0)
                {
                    gen.Add(Time(generated.TrainStep, batches, ref step, block));
                    hand.Add(Time(handWritten.TrainStep, batches, ref step, block));
                }
                else
                {
                    hand.Add(Time(handWritten.TrainStep, batches, ref step, block));
                    gen.Add(Time(generated.TrainStep, batches, ref step, block));
                }
            }

            double[] paired = gen.Zip(hand, (g, h) => g / h).ToArray();
            double ratio = Statistics.Median(paired);
            Console.WriteLine("MLP 64→128→64→10 (SGD, batch 64): generated TrainStep (generated backward) vs hand-written TorchSharp (autograd)");
            Console.WriteLine($"generated          median {Statistics.Median(gen),8:F4} ms/step   min {gen.Min(),8:F4}");
            Console.WriteLine($"hand-written       median {Statistics.Median(hand),8:F4} ms/step   min {hand.Min(),8:F4}");
            Console.WriteLine($"MLP ratio generated/hand-written: {ratio:F4} (median of {rounds} paired rounds of {block} steps; p10..p90 {Statistics.Percentile(paired, 0.1):F4}..{Statistics.Percentile(paired, 0.9):F4})   target ≤ 0.75: {(ratio <= 0.75 ? "met" : "NOT met")}");
            return ratio;
        }

        private static double Time(Func<Tensor, Tensor, float> trainStep, List<(Tensor, Tensor)> batches, ref int step, int block)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < block; i++)
            {
                (Tensor input, Tensor target) = batches[step++ % batches.Count];
                trainStep(input, target);
            }

            return Stopwatch.GetElapsedTime(start).TotalMilliseconds / block;
        }
    }

    /// <summary>The MLP written by hand: fields named like the generated ones so the state_dict loads; the usual step.</summary>
    internal sealed class HandWrittenMlp : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006
        private readonly Linear fc1 = nn.Linear(64, 128);
        private readonly Linear fc2 = nn.Linear(128, 64);
        private readonly Linear fc3 = nn.Linear(64, 10);
#pragma warning restore IDE1006
        private readonly CrossEntropyLoss _loss = nn.CrossEntropyLoss();
        private readonly optim.Optimizer _optimizer;

        public HandWrittenMlp()
            : base(nameof(HandWrittenMlp))
        {
            RegisterComponents();
            _optimizer = optim.SGD(parameters(), 0.01);
        }

        public override Tensor forward(Tensor input) =>
            fc3.forward(nn.functional.relu(fc2.forward(nn.functional.relu(fc1.forward(input)))));

        public float TrainStep(Tensor input, Tensor target)
        {
            train();
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            Tensor loss = _loss.forward(forward(input), target);
            float value = loss.item<float>();
            loss.backward();
            _optimizer.step();
            return value;
        }
    }
}

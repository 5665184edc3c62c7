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
    /// An LSTM next-token model over token ids of symbolic length, declared in the DSL, against the
    /// same network written by hand in TorchSharp: same weights (state_dict copied), same batches,
    /// interleaved ABBA rounds; the headline is the median of the paired per-round ratios, as for
    /// the digits CNN.
    /// </summary>
    internal static class LstmBenchmark
    {
        public const int Vocabulary = 20;
        public const int Length = 16;
        public const int BatchSize = 32;

        public static double Run(int rounds, int block)
        {
            torch.manual_seed(20241);
            var generated = new BenchmarkLstm();
            var handWritten = new HandWrittenLstm();
            handWritten.load_state_dict(generated.state_dict());

            var generator = new torch.Generator(11);
            var batches = Enumerable.Range(0, 32)
                .Select(_ => (randint(0, Vocabulary, new long[] { BatchSize, Length }, dtype: ScalarType.Int64, generator: generator),
                              randint(0, Vocabulary, new long[] { BatchSize }, dtype: ScalarType.Int64, generator: generator)))
                .ToList();

            generated.eval();
            handWritten.eval();
            double difference;
            using (NewDisposeScope())
            {
                difference = (generated.forward(batches[0].Item1) - handWritten.forward(batches[0].Item1)).abs().max().item<float>();
            }

            var sides = new (string Name, Func<Tensor, Tensor, float> Step, List<double> Blocks)[]
            {
                ("generated", generated.TrainStep, new List<double>()),
                ("hand-written", handWritten.TrainStep, new List<double>()),
            };
            long step = 0;
            double RunBlock(Func<Tensor, Tensor, float> train, int steps)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < steps; i++)
                {
                    (Tensor x, Tensor y) = batches[(int)(step++ % batches.Count)];
                    train(x, y);
                }

                return Stopwatch.GetElapsedTime(start).TotalMilliseconds / steps;
            }

            for (int i = 0; i < 4; i++)
            {
                RunBlock(sides[0].Step, 25);
                RunBlock(sides[1].Step, 25);
            }

            for (int round = 0; round < rounds; round++)
            {
                int first = round % 2;
                sides[first].Blocks.Add(RunBlock(sides[first].Step, block));
                sides[1 - first].Blocks.Add(RunBlock(sides[1 - first].Step, block));
            }

            double[] paired = sides[0].Blocks.Zip(sides[1].Blocks, (g, h) => g / h).ToArray();
            double ratio = Statistics.Median(paired);
            Console.WriteLine($"LSTM next-token model: Embedding({Vocabulary}, 64) → LSTM(128, last step) → Linear({Vocabulary}), {BenchmarkLstm.ParameterCount:N0} parameters, batch {BatchSize} × length {Length} token ids, CrossEntropy + Adam");
            Console.WriteLine($"initial weights copied via state_dict; max |Δ| of eval logits on batch 0: {difference:G3}");
            foreach ((string name, _, List<double> blocks) in sides)
            {
                Console.WriteLine($"{name,-18} median {Statistics.Median(blocks),8:F4} ms/step   min {blocks.Min(),8:F4}");
            }

            Console.WriteLine($"LSTM ratio generated/hand-written: {ratio:F4} (median of {rounds} paired rounds of {block} steps; p10..p90 {Statistics.Percentile(paired, 0.1):F4}..{Statistics.Percentile(paired, 0.9):F4})");
            return ratio;
        }
    }

    /// <summary>The benchmark's LSTM model, declared in the DSL.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(LstmBenchmark.Vocabulary, 64)]
    [LSTM(128, ReturnSequences = false)]
    [Linear(LstmBenchmark.Vocabulary)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
    public partial class BenchmarkLstm;

    /// <summary>The same network written by hand: the fields named like the generated ones, so the state_dict loads.</summary>
    internal sealed class HandWrittenLstm : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006
        private readonly Embedding embedding1 = nn.Embedding(LstmBenchmark.Vocabulary, 64);
        private readonly LSTM lstm1 = nn.LSTM(64, 128, batchFirst: true);
        private readonly Linear fc1 = nn.Linear(128, LstmBenchmark.Vocabulary);
#pragma warning restore IDE1006
        private readonly CrossEntropyLoss _loss = nn.CrossEntropyLoss();
        private readonly optim.Optimizer _optimizer;

        public HandWrittenLstm()
            : base(nameof(HandWrittenLstm))
        {
            RegisterComponents();
            _optimizer = optim.Adam(parameters(), lr: 1e-3);
        }

        public override Tensor forward(Tensor input)
        {
            (Tensor _, Tensor h, Tensor _) = lstm1.forward(embedding1.forward(input));
            return fc1.forward(h[-1]);
        }

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

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ModelGen.Samples.Digits;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// <c>--backward</c>: the generated backward against autograd, on the same model class with the
    /// same weights and batches. One tab-separated row per model: name, generated ms/step, autograd
    /// ms/step, autograd/generated (median of the paired per-round ratios), and the largest absolute
    /// gradient difference on one batch (float32).
    /// </summary>
    internal static class BackwardBenchmark
    {
        public static void Run(int rounds, int block)
        {
            Console.WriteLine("model\tgenerated_ms\tautograd_ms\tratio\tmax_grad_diff");
            torch.manual_seed(1);
            Row("mlp", () => new BenchmarkMlp(), Batches(n => torch.randn(n, 64), n => torch.randint(0, 10, new long[] { n }, dtype: ScalarType.Int64), 64), rounds, block);
            Row("digits_cnn", () => new DigitsNet(), Batches(n => torch.rand(n, 1, 8, 8), n => torch.randint(0, 10, new long[] { n }, dtype: ScalarType.Int64), 64), rounds, block);
            Row("lstm", () => new BenchmarkLstm(), Batches(n => torch.randint(0, LstmBenchmark.Vocabulary, new long[] { n, LstmBenchmark.Length }, dtype: ScalarType.Int64), n => torch.randint(0, LstmBenchmark.Vocabulary, new long[] { n }, dtype: ScalarType.Int64), LstmBenchmark.BatchSize), rounds, block);
        }

        private static List<(Tensor Input, Tensor Target)> Batches(Func<long, Tensor> input, Func<long, Tensor> target, long n) =>
            Enumerable.Range(0, 16).Select(_ => (input(n), target(n))).ToList();

        private static void Row<T>(string name, Func<T> create, List<(Tensor Input, Tensor Target)> batches, int rounds, int block)
            where T : nn.Module, ITrainableModel
        {
            using T generated = create();
            using T autograd = create();
            autograd.load_state_dict(generated.state_dict());
            autograd.GeneratedBackward = false;
            // Some models train with autograd by default (an LSTM on dense input); here the generated backward is measured (throws if it has none).
            generated.GeneratedBackward = true;

            double difference = MaxGradientDifference(generated, autograd, batches[0]);
            int step = 0;
            for (int i = 0; i < 100; i++)
            {
                generated.TrainStep(batches[i % batches.Count].Input, batches[i % batches.Count].Target);
                autograd.TrainStep(batches[i % batches.Count].Input, batches[i % batches.Count].Target);
            }

            var generatedTimes = new List<double>();
            var autogradTimes = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                double a, g;
                if (round % 2 == 0)
                {
                    g = Time(generated, batches, ref step, block);
                    a = Time(autograd, batches, ref step, block);
                }
                else
                {
                    a = Time(autograd, batches, ref step, block);
                    g = Time(generated, batches, ref step, block);
                }

                generatedTimes.Add(g);
                autogradTimes.Add(a);
                ratios.Add(a / g);
            }

            FormattableString line = $"{name}\t{Statistics.Median(generatedTimes):F4}\t{Statistics.Median(autogradTimes):F4}\t{Statistics.Median(ratios):F3}\t{difference:E2}";
            Console.WriteLine(FormattableString.Invariant(line));
        }

        private static double Time(ITrainableModel model, List<(Tensor Input, Tensor Target)> batches, ref int step, int block)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < block; i++)
            {
                (Tensor input, Tensor target) = batches[step++ % batches.Count];
                model.TrainStep(input, target);
            }

            return Stopwatch.GetElapsedTime(start).TotalMilliseconds / block;
        }

        /// <summary>The largest absolute difference between the two backwards' gradients on one batch (evaluation mode: no dropout).</summary>
        private static double MaxGradientDifference(nn.Module generated, nn.Module autograd, (Tensor Input, Tensor Target) batch)
        {
            generated.eval();
            autograd.eval();
            ((ITrainableModel)generated).ComputeGradients(batch.Input, batch.Target);
            ((ITrainableModel)autograd).ComputeGradients(batch.Input, batch.Target);
            double worst = 0;
            var a = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach ((string name, TorchSharp.Modules.Parameter parameter) in generated.named_parameters())
            {
                using Tensor difference = (parameter.grad! - a[name].grad!).abs().max();
                worst = Math.Max(worst, difference.item<float>());
            }

            return worst;
        }
    }

    /// <summary>The MLP of issue 11: 64 → 128 → 64 → 10, SGD, batch 64.</summary>
    [Model(64)]
    [Linear(128), ReLU]
    [Linear(64), ReLU]
    [Linear(10)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD, LearningRate = 0.01)]
    public partial class BenchmarkMlp;
}

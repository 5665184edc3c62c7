using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using ModelGen.Samples.Digits;
using ModelGen.Samples.Zoo;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// Forward latency of the exported ONNX file in ONNX Runtime against TorchSharp's
    /// evaluation-mode forward (no_grad), same weights and inputs, at batch 1 and 64, for the
    /// digits CNN and the zoo's LeNet-5. Calls are interleaved in ABBA blocks as in the training
    /// comparison, each side on the same number of intra-op threads; the ratio is the median of
    /// the per-round ratios (TorchSharp ÷ ONNX Runtime: above 1, ONNX Runtime is faster).
    /// </summary>
    internal static class InferenceBenchmark
    {
        public static void Run(int rounds, int block, int threads)
        {
            Console.WriteLine($"inference: ONNX Runtime {OrtEnv.Instance().GetVersionString()} vs TorchSharp eval forward, {threads} thread(s), {rounds} rounds of {block}-call blocks");
            Console.WriteLine($"{"model",-10} {"batch",5} {"torch µs",10} {"ort µs",10} {"torch/ort",10}");
            torch.manual_seed(1);
            Measure("digits", new DigitsNet(), new long[] { 1, 8, 8 }, rounds, block, threads, m => Bytes(s => ((DigitsNet)m).ExportOnnx(s)));
            Measure("lenet5", new LeNet5(), new long[] { 1, 32, 32 }, rounds, block, threads, m => Bytes(s => ((LeNet5)m).ExportOnnx(s)));
        }

        private static byte[] Bytes(Action<Stream> export)
        {
            using var stream = new MemoryStream();
            export(stream);
            return stream.ToArray();
        }

        private static void Measure(string name, nn.Module<Tensor, Tensor> model, long[] sample, int rounds, int block, int threads, Func<nn.Module<Tensor, Tensor>, byte[]> export)
        {
            model.eval();
            using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            using var session = new InferenceSession(export(model), options);
            foreach (long batch in new long[] { 1, 64 })
            {
                long[] shape = new[] { batch }.Concat(sample).ToArray();
                using Tensor input = torch.rand(shape);
                float[] values = input.data<float>().ToArray();
                using OrtValue ortInput = OrtValue.CreateTensorValueFromMemory(values, shape);
                using var runOptions = new RunOptions();
                string[] inputNames = { "input" };
                string[] outputNames = { "output" };
                OrtValue[] inputs = { ortInput };

                void Torch()
                {
                    using var noGrad = torch.no_grad();
                    using Tensor output = model.forward(input);
                }

                void Ort()
                {
                    using IDisposableReadOnlyCollection<OrtValue> output = session.Run(runOptions, inputNames, inputs, outputNames);
                }

                for (int i = 0; i < 50; i++)
                {
                    Torch();
                    Ort();
                }

                var torchTimes = new List<double>();
                var ortTimes = new List<double>();
                var ratios = new List<double>();
                var clock = new Stopwatch();
                for (int round = 0; round < rounds; round++)
                {
                    bool torchFirst = round % 2 == 0;
                    double t = 0, o = 0;
                    for (int pass = 0; pass < 2; pass++)
                    {
                        bool runTorch = (pass == 0) == torchFirst;
                        clock.Restart();
                        for (int i = 0; i < block; i++)
                        {
                            if (runTorch)
                            {
                                Torch();
                            }
                            else
                            {
                                Ort();
                            }
                        }

                        double perCall = clock.Elapsed.TotalMilliseconds * 1000 / block;
                        if (runTorch)
                        {
                            t = perCall;
                        }
                        else
                        {
                            o = perCall;
                        }
                    }

                    torchTimes.Add(t);
                    ortTimes.Add(o);
                    ratios.Add(t / o);
                }

                Console.WriteLine($"{name,-10} {batch,5} {Statistics.Median(torchTimes),10:F1} {Statistics.Median(ortTimes),10:F1} {Statistics.Median(ratios),10:F2}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Onnx.Tests
{
    /// <summary>
    /// Exports a generated model, loads the file in ONNX Runtime (a file it refuses fails the test)
    /// and compares ONNX Runtime's output with TorchSharp's evaluation-mode forward on random inputs.
    /// </summary>
    internal static class OnnxParity
    {
        /// <summary>The largest absolute difference allowed between the two runtimes.</summary>
        public const double Tolerance = 1e-4;

        /// <summary>Whether the generated model has <c>ExportOnnx</c>.</summary>
        public static bool IsExportable(Type type) => type.GetMethod("ExportOnnx", new[] { typeof(Stream) }) is not null;

        /// <summary>The model's ONNX bytes, through its generated <c>ExportOnnx(Stream)</c>.</summary>
        public static byte[] Export(object model)
        {
            MethodInfo export = model.GetType().GetMethod("ExportOnnx", new[] { typeof(Stream) })
                ?? throw new InvalidOperationException($"{model.GetType().Name} has no ExportOnnx");
            using var stream = new MemoryStream();
            export.Invoke(model, new object[] { stream });
            return stream.ToArray();
        }

        /// <summary>Creates a generated model by its constructor (device: CPU).</summary>
        public static nn.Module<Tensor, Tensor> Create(Type type) =>
            (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type, new object?[] { null })!;

        /// <summary>
        /// Gives every batch norm of <paramref name="model"/> running statistics and an affine map
        /// away from their initial 0 and 1 (mean ~ N(0, 0.5²), variance and scale in [0.5, 1.5), shift
        /// ~ N(0, 0.1²)), so a graph that read the wrong tensor, or none, would differ.
        /// </summary>
        public static void RandomizeBatchNorm(nn.Module model)
        {
            using var noGrad = torch.no_grad();
            var tensors = model.named_buffers().Select(b => (b.name, Tensor: b.buffer))
                .Concat(model.named_parameters().Select(p => (p.name, Tensor: (Tensor)p.parameter)))
                .ToDictionary(t => t.name, t => t.Tensor);
            foreach (string mean in tensors.Keys.Where(k => k.EndsWith(".running_mean", StringComparison.Ordinal)).ToArray())
            {
                string owner = mean.Substring(0, mean.Length - "running_mean".Length);
                tensors[mean].copy_(torch.randn(tensors[mean].shape) * 0.5);
                tensors[owner + "running_var"].copy_(torch.rand(tensors[mean].shape) + 0.5);
                if (tensors.TryGetValue(owner + "weight", out var weight))
                {
                    weight.copy_(torch.rand(weight.shape) + 0.5);
                }

                if (tensors.TryGetValue(owner + "bias", out var bias))
                {
                    bias.copy_(torch.randn(bias.shape) * 0.1);
                }
            }
        }

        /// <summary>
        /// Exports <paramref name="module"/> and compares at batch sizes 1 and 7 (and, for a symbolic
        /// length, lengths 3 and 5). Returns the largest difference seen.
        /// </summary>
        public static double AssertMatches(nn.Module<Tensor, Tensor> module, long[]? batches = null, long[]? lengths = null, int seed = 1)
        {
            byte[] bytes = Export(module);
            return AssertMatches(module, bytes, batches, lengths, seed);
        }

        public static double AssertMatches(nn.Module<Tensor, Tensor> module, byte[] bytes, long[]? batches = null, long[]? lengths = null, int seed = 1)
        {
            var model = (IGeneratedModel)module;
            module.eval();
            using var session = new InferenceSession(bytes);
            Assert.Equal(new[] { "input" }, session.InputNames.ToArray());
            Assert.Equal(new[] { "output" }, session.OutputNames.ToArray());
            bool tokens = model.LayerTable[0].Kind == "Embedding";
            bool symbolic = Enumerable.Range(0, model.InputShape.Count).Any(model.InputShape.IsAnyLength);
            double worst = 0;
            torch.manual_seed(seed);
            foreach (long batch in batches ?? new long[] { 1, 7 })
            {
                foreach (long length in symbolic ? lengths ?? new long[] { 3, 5 } : new long[] { 0 })
                {
                    long[] shape = new[] { batch }.Concat(Enumerable.Range(0, model.InputShape.Count).Select(i => model.InputShape.IsAnyLength(i) ? length : model.InputShape[i])).ToArray();
                    worst = Math.Max(worst, Compare(module, session, shape, tokens));
                }
            }

            return worst;
        }

        private static double Compare(nn.Module<Tensor, Tensor> module, InferenceSession session, long[] shape, bool tokens)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            Tensor input = tokens ? torch.randint(0, 2, shape, dtype: ScalarType.Int64) : torch.randn(shape);
            Tensor expected = module.forward(input).contiguous();
            float[] expectedValues = expected.data<float>().ToArray();

            using OrtValue value = tokens
                ? OrtValue.CreateTensorValueFromMemory(input.data<long>().ToArray(), shape)
                : OrtValue.CreateTensorValueFromMemory(input.data<float>().ToArray(), shape);
            using var options = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, new[] { "input" }, new[] { value }, new[] { "output" });
            OrtValue output = outputs[0];
            long[] outputShape = output.GetTensorTypeAndShape().Shape;
            Assert.Equal(expected.shape, outputShape);
            ReadOnlySpan<float> actual = output.GetTensorDataAsSpan<float>();
            double worst = 0;
            for (int i = 0; i < expectedValues.Length; i++)
            {
                double difference = Math.Abs(expectedValues[i] - actual[i]);
                if (double.IsNaN(difference) && !(float.IsNaN(expectedValues[i]) && float.IsNaN(actual[i])))
                {
                    difference = double.PositiveInfinity;
                }

                worst = Math.Max(worst, double.IsNaN(difference) ? 0 : difference);
            }

            Assert.True(worst <= Tolerance, $"{module.GetName()} at input {string.Join("×", shape)}: ONNX Runtime differs from TorchSharp by {worst:G3} (> {Tolerance})");
            return worst;
        }
    }
}

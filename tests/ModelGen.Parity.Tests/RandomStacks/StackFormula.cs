using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>What the textbook formulas say one layer of a random model does.</summary>
    /// <param name="Field">The field (state_dict prefix) ModelGen's naming convention gives it.</param>
    /// <param name="Output">The per-sample output shape.</param>
    /// <param name="Parameters">The number of trainable scalars.</param>
    /// <param name="StateKeys">Its state_dict keys.</param>
    internal sealed record ExpectedLayer(string Field, long[] Output, long Parameters, string[] StateKeys);

    /// <summary>
    /// The test's own oracle for random stacks, independent of ModelGen's shape inference:
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 for convolutions, floor((W + 2P − F) / S) + 1
    /// for pools, in·out (+ out) for Linear, out·in·kh·kw (+ out) for Conv2d, 2·C for batch, group
    /// and layer norm (PyTorch's affine defaults; instance norm has none), 1 for PReLU's one slope;
    /// ZeroPad2d adds 2P to each side's axis, AdaptiveAvgPool2d(k) gives C×k×k.
    /// </summary>
    internal static class StackFormula
    {
        /// <summary>Every layer's expected output, or null when some layer's output would be empty (or its input has the wrong rank).</summary>
        public static IReadOnlyList<ExpectedLayer>? Infer(StackModel model)
        {
            var layers = new List<ExpectedLayer>();
            var counts = new Dictionary<string, int>();
            long[] shape = model.Input.Select(d => (long)d).ToArray();
            foreach (StackLayer layer in model.Layers)
            {
                long[]? output = Output(layer, shape);
                if (output is null || output.Any(d => d <= 0))
                {
                    return null;
                }

                string prefix = Prefix(layer.Op);
                counts[prefix] = counts.TryGetValue(prefix, out int count) ? count + 1 : 1;
                string field = prefix + counts[prefix];
                layers.Add(new ExpectedLayer(field, output, Parameters(layer, shape), StateKeys(layer, field)));
                shape = output;
            }

            return layers;
        }

        /// <summary>The output size of one window axis; negative when the window does not fit.</summary>
        public static long WindowOutput(long size, int kernel, int stride, int padding, int dilation)
        {
            long span = size + (2L * padding) - ((long)dilation * (kernel - 1)) - 1;
            return span < 0 ? -1 : (span / stride) + 1;
        }

        private static long[]? Output(StackLayer layer, long[] input)
        {
            switch (layer.Op)
            {
                case StackOp.Linear:
                    return input.Length == 1 ? new long[] { layer.Size } : null;

                case StackOp.Conv2d:
                case StackOp.MaxPool2d:
                case StackOp.AvgPool2d:
                {
                    if (input.Length != 3)
                    {
                        return null;
                    }

                    bool conv = layer.Op == StackOp.Conv2d;
                    Axes stride = layer.Stride ?? (conv ? Axes.Square(1) : layer.Kernel);
                    Axes dilation = layer.Dilation ?? Axes.Square(1);
                    return new[]
                    {
                        conv ? layer.Size : input[0],
                        WindowOutput(input[1], layer.Kernel.Height, stride.Height, layer.Padding.Height, dilation.Height),
                        WindowOutput(input[2], layer.Kernel.Width, stride.Width, layer.Padding.Width, dilation.Width),
                    };
                }

                case StackOp.Flatten:
                    return new[] { input.Aggregate(1L, (a, b) => a * b) };

                case StackOp.BatchNorm1d:
                    return input.Length == 1 ? input : null;

                case StackOp.BatchNorm2d:
                case StackOp.Dropout2d:
                case StackOp.InstanceNorm2d:
                case StackOp.GroupNorm:
                    return input.Length == 3 && (layer.Op != StackOp.GroupNorm || input[0] % layer.Size == 0) ? input : null;

                case StackOp.ZeroPad2d:
                    return input.Length == 3 ? new[] { input[0], input[1] + (2L * layer.Size), input[2] + (2L * layer.Size) } : null;

                case StackOp.AdaptiveAvgPool2d:
                    return input.Length == 3 ? new[] { input[0], (long)layer.Size, layer.Size } : null;

                case StackOp.LayerNorm:
                case StackOp.AlphaDropout:
                    return input.Length == 1 ? input : null;

                default:
                    return input;
            }
        }

        private static long Parameters(StackLayer layer, long[] input) => layer.Op switch
        {
            StackOp.Linear => (input[0] * layer.Size) + (layer.Bias ? layer.Size : 0),
            StackOp.Conv2d => ((long)layer.Size * input[0] * layer.Kernel.Height * layer.Kernel.Width) + (layer.Bias ? layer.Size : 0),
            StackOp.BatchNorm1d or StackOp.BatchNorm2d or StackOp.GroupNorm or StackOp.LayerNorm => 2 * input[0],
            StackOp.PReLU => 1,
            _ => 0,
        };

        private static string[] StateKeys(StackLayer layer, string field) => layer.Op switch
        {
            StackOp.Linear or StackOp.Conv2d => layer.Bias
                ? new[] { field + ".weight", field + ".bias" }
                : new[] { field + ".weight" },
            StackOp.BatchNorm1d or StackOp.BatchNorm2d => new[]
            {
                field + ".weight", field + ".bias", field + ".running_mean", field + ".running_var", field + ".num_batches_tracked",
            },
            StackOp.GroupNorm or StackOp.LayerNorm => new[] { field + ".weight", field + ".bias" },
            StackOp.PReLU => new[] { field + ".weight" },
            _ => System.Array.Empty<string>(),
        };

        /// <summary>ModelGen's documented field prefixes, numbered per prefix in source order (the state_dict contract).</summary>
        private static string Prefix(StackOp op) => op switch
        {
            StackOp.Linear => "fc",
            StackOp.Conv2d => "conv",
            StackOp.MaxPool2d => "maxpool",
            StackOp.AvgPool2d => "avgpool",
            StackOp.Flatten => "flatten",
            StackOp.Dropout or StackOp.Dropout2d => "dropout",
            StackOp.InstanceNorm2d => "inorm",
            StackOp.GroupNorm => "gn",
            StackOp.LayerNorm => "ln",
            StackOp.ZeroPad2d => "zeropad",
            StackOp.AdaptiveAvgPool2d => "adaptiveavgpool",
            StackOp.BatchNorm1d or StackOp.BatchNorm2d => "bn",
            _ => op.ToString().ToLowerInvariant(),
        };
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using ModelGen.Parity.Tests.RandomStacks;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// Random block graphs (CsCheck): a stem convolution, then residual stages (a shared residual
    /// block repeated with random widths and strides, identity or projection shortcuts as the
    /// shapes demand), Inception-style concatenations and summed branches with random widths,
    /// then Flatten and Linear. Each batch of models is compiled in memory with the real generator,
    /// loaded, built and run; output shapes and parameter counts must equal what the formulas
    /// below give (written from the layers' definitions, not from the code under test) and what
    /// TorchSharp reports.
    /// </summary>
    public sealed class RandomBlockGraphParityTests
    {
        private const int ModelsPerCompilation = 8;
        private const int Compilations = 4;

        /// <summary>One step of a random graph: a residual stage, a concatenation or a sum.</summary>
        internal sealed record GraphStep(int Kind, int Count, int Width, int Stride, int A, int B)
        {
            public override string ToString() => Kind switch
            {
                0 => $"Repeat<ResUnit>({Count}, Width = {Width}, Stride = {Stride})",
                1 => $"Concat<1×1 {A}, 3×3 {B}>",
                _ => $"Sum<1×1 {A}, 3×3 {A}>",
            };
        }

        /// <summary>A random graph model.</summary>
        internal sealed record GraphModel(int Channels, int Size, int Stem, GraphStep[] Steps, int Classes)
        {
            public override string ToString() => $"Model({Channels}, {Size}, {Size}) Conv2d({Stem}) {string.Join(" ", Steps.Select(s => s.ToString()))} Linear({Classes})";
        }

        private static readonly Gen<GraphStep> Step = Gen.Select(Gen.Int[0, 2], Gen.Int[1, 2], Gen.Int[1, 6], Gen.Int[1, 2], Gen.Int[1, 4], Gen.Int[1, 4])
            .Select((kind, count, width, stride, a, b) => new GraphStep(kind, count, width, stride, a, b));

        /// <summary>The random graph models (GeneratedBackwardPropertyTests trains them too).</summary>
        internal static readonly Gen<GraphModel> Model = Gen.Select(Gen.Int[1, 3], Gen.Int[2, 9], Gen.Int[1, 6], Step.Array[1, 3], Gen.Int[1, 5])
            .Select((channels, size, stem, steps, classes) => new GraphModel(channels, size, stem, steps, classes));

        [Fact]
        public void Random_block_graphs_generate_models_that_match_the_formulas_and_TorchSharp()
        {
            Model.Array[ModelsPerCompilation].Sample(CheckCompilation, iter: Compilations, threads: 1, print: models => Write(models));
        }

        private static void CheckCompilation(GraphModel[] models)
        {
            string source = Write(models);
            CompiledSource compiled = InMemoryCompiler.Compile(source, "RandomGraphs" + Guid.NewGuid().ToString("N"));
            Assert.Null(compiled.GeneratorException);
            Assert.Empty(compiled.GeneratorDiagnostics);
            Diagnostic[] problems = compiled.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            Assert.True(problems.Length == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())) + "\n" + source);
            Assert.NotNull(compiled.Image);

            var context = new SharingLoadContext("RandomGraphs");
            try
            {
                Assembly assembly = context.LoadImage(compiled.Image!);
                for (int i = 0; i < models.Length; i++)
                {
                    Type type = assembly.GetType($"RandomGraphs.Graph{i}", throwOnError: true)!;
                    var model = (IGeneratedModel)Activator.CreateInstance(type, new object?[] { null })!;
                    try
                    {
                        (long[] output, long parameters) = Formula(models[i]);
                        Assert.Equal(output, model.OutputShape);
                        Assert.Equal(parameters, model.ParameterCount);
                        ModelParity.AssertMatchesTorch(model, 2);
                    }
                    catch (Exception failure)
                    {
                        throw new Xunit.Sdk.XunitException($"Graph{i} failed:\n{models[i]}\n{failure.Message}");
                    }
                    finally
                    {
                        ((IDisposable)model).Dispose();
                    }
                }
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>The output shape and parameter count, from the definitions of the layers.</summary>
        private static (long[] Output, long Parameters) Formula(GraphModel model)
        {
            long c = model.Stem, h = model.Size;
            long parameters = (model.Stem * model.Channels * 9) + model.Stem; // 3×3 same convolution with bias
            foreach (GraphStep step in model.Steps)
            {
                switch (step.Kind)
                {
                    case 0:
                        for (int i = 0; i < step.Count; i++)
                        {
                            long stride = i == 0 ? step.Stride : 1, w = step.Width;

                            // conv 3×3 (no bias), bn, conv 3×3 (no bias), bn; projection (1×1 conv, bn) where the shape changes.
                            parameters += (w * c * 9) + (2 * w) + (w * w * 9) + (2 * w);
                            if (w != c || stride != 1)
                            {
                                parameters += (w * c) + (2 * w);
                            }

                            h = ((h + 2 - 3) / stride) + 1;
                            c = w;
                        }

                        break;
                    case 1:
                        parameters += (step.A * c) + step.A + (step.B * c * 9) + step.B;
                        c = step.A + step.B;
                        break;
                    default:
                        parameters += (step.A * c) + step.A + (step.A * c * 9) + step.A;
                        c = step.A;
                        break;
                }
            }

            parameters += (model.Classes * c * h * h) + model.Classes;
            return (new long[] { model.Classes }, parameters);
        }

        /// <summary>The models' source; with <paramref name="trainable"/> each declares an MSE loss and SGD.</summary>
        internal static string Write(GraphModel[] models, bool trainable = false)
        {
            var text = new StringBuilder("using ModelGen;\n#pragma warning disable MG0003\nnamespace RandomGraphs\n{\n");
            text.Append("[Block]\n[Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false), BatchNorm2d, ReLU]\n");
            text.Append("[Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d, Shortcut, ReLU]\npublic partial class ResUnit;\n");
            for (int i = 0; i < models.Length; i++)
            {
                GraphModel model = models[i];
                var steps = new List<string>();
                for (int j = 0; j < model.Steps.Length; j++)
                {
                    GraphStep step = model.Steps[j];
                    string a = $"G{i}S{j}A", b = $"G{i}S{j}B";
                    switch (step.Kind)
                    {
                        case 0:
                            steps.Add($"[Repeat<ResUnit>({step.Count}, Width = {step.Width}, Stride = {step.Stride})]");
                            break;
                        case 1:
                            text.Append(CultureInfo.InvariantCulture, $"[Block, Conv2d({step.A}, Kernel = 1)] public partial class {a};\n");
                            text.Append(CultureInfo.InvariantCulture, $"[Block, Conv2d({step.B}, Kernel = 3, Padding = 1), ReLU] public partial class {b};\n");
                            steps.Add($"[Concat<{a}, {b}>]");
                            break;
                        default:
                            text.Append(CultureInfo.InvariantCulture, $"[Block, Conv2d({step.A}, Kernel = 1)] public partial class {a};\n");
                            text.Append(CultureInfo.InvariantCulture, $"[Block, Conv2d({step.A}, Kernel = 3, Padding = 1)] public partial class {b};\n");
                            steps.Add($"[Sum<{a}, {b}>]");
                            break;
                    }
                }

                text.Append(CultureInfo.InvariantCulture, $"[Model({model.Channels}, {model.Size}, {model.Size})]\n[Conv2d({model.Stem}, Kernel = 3, Padding = 1)]\n");
                foreach (string step in steps)
                {
                    text.Append(step).Append('\n');
                }

                text.Append(CultureInfo.InvariantCulture, $"[Flatten, Linear({model.Classes})]\n");
                if (trainable)
                {
                    text.Append("[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"public partial class Graph{i};\n");
            }

            return text.Append("}\n").ToString();
        }
    }
}

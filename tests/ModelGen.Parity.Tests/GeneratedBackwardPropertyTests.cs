using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.CodeAnalysis;
using ModelGen.Parity.Tests.RandomStacks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// The generated backward on models nobody wrote by hand: random stacks (CsCheck, the random-stack
    /// generators) compiled in memory with the real generator and an MSE loss, their gradients in
    /// float64 against autograd's; and every zoo model, given a loss the same way, in float32.
    /// </summary>
    [Collection(RandomNumbersAlone.Name)]
    public sealed class GeneratedBackwardPropertyTests
    {
        private const long BatchSize = 3;
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public GeneratedBackwardPropertyTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        [Fact]
        public void Random_stacks_generated_gradients_equal_autograd_in_float64()
        {
            int checkedModels = 0, withoutParameters = 0;
            var autograd = new List<string>();
            StackGenerators.Model.Array[12].Sample(
                models =>
                {
                    StackModel[] trainable = models.Select(m => m with { Training = StackTraining.SgdMse }).ToArray();
                    WithCompiled(StackSource.Write(trainable), assembly =>
                    {
                        for (int i = 0; i < trainable.Length; i++)
                        {
                            Type type = assembly.GetType($"{StackSource.Namespace}.{StackSource.ClassName(i)}", throwOnError: true)!;
                            using var module = (nn.Module)Activator.CreateInstance(type, new object?[] { null })!;
                            // A stack without parameters has nothing to train (no TrainStep is generated).
                            if (module is not ITrainableModel model)
                            {
                                withoutParameters++;
                                continue;
                            }

                            // Every kind the random stacks draw has a backward rule: none may fall back to autograd.
                            if (!GradientCheck.UseGenerated(model))
                            {
                                autograd.Add(trainable[i].ToString());
                                continue;
                            }

                            GradientCheck.Float64(module);
                            var shape = (IGeneratedModel)model;
                            try
                            {
                                torch.manual_seed(checkedModels);
                                GradientCheck.AssertMatchesAutograd(
                                    model,
                                    torch.randn(shape.InputShape.WithBatch(BatchSize), dtype: ScalarType.Float64),
                                    torch.randn(shape.OutputShape.WithBatch(BatchSize), dtype: ScalarType.Float64),
                                    1e-8);
                            }
                            catch (Exception failure)
                            {
                                throw new Xunit.Sdk.XunitException($"{trainable[i]}\n{failure.Message}");
                            }

                            checkedModels++;
                        }
                    });
                },
                iter: 4,
                threads: 1,
                print: StackSource.Write);

            _output.WriteLine($"{checkedModels} random stacks checked, {withoutParameters} without parameters");
            Assert.True(autograd.Count == 0, "trains with autograd:\n" + string.Join("\n", autograd));
            Assert.True(checkedModels >= 5, $"{checkedModels} models checked, {withoutParameters} without parameters");
        }

        /// <summary>
        /// Random block graphs (residual stages with identity or projection shortcuts, concatenations,
        /// sums; <see cref="RandomBlockGraphParityTests"/>) with an MSE loss: every one trains with the
        /// generated backward, whose gradients equal autograd's in float64.
        /// </summary>
        [Fact]
        public void Random_block_graphs_generated_gradients_equal_autograd_in_float64()
        {
            int checkedModels = 0;
            RandomBlockGraphParityTests.Model.Array[6].Sample(
                models =>
                {
                    WithCompiled(RandomBlockGraphParityTests.Write(models, trainable: true), assembly =>
                    {
                        for (int i = 0; i < models.Length; i++)
                        {
                            Type type = assembly.GetType($"RandomGraphs.Graph{i}", throwOnError: true)!;
                            using var module = (nn.Module)Activator.CreateInstance(type, new object?[] { null })!;
                            var model = (ITrainableModel)module;
                            var shape = (IGeneratedModel)model;
                            Assert.True(GradientCheck.UseGenerated(model), $"{models[i]} has no generated backward");
                            GradientCheck.Float64(module);
                            try
                            {
                                torch.manual_seed(100 + checkedModels);
                                GradientCheck.AssertMatchesAutograd(
                                    model,
                                    torch.randn(shape.InputShape.WithBatch(BatchSize), dtype: ScalarType.Float64),
                                    torch.randn(shape.OutputShape.WithBatch(BatchSize), dtype: ScalarType.Float64),
                                    1e-8);
                            }
                            catch (Exception failure)
                            {
                                throw new Xunit.Sdk.XunitException($"{models[i]}\n{failure.Message}");
                            }

                            checkedModels++;
                        }
                    });
                },
                iter: 3,
                threads: 1,
                print: models => RandomBlockGraphParityTests.Write(models, trainable: true));

            _output.WriteLine($"{checkedModels} random block graphs checked");
            Assert.Equal(18, checkedModels);
        }

        /// <summary>
        /// Every zoo model whose kinds all have rules, with an MSE loss added to its declaration (zoo
        /// models declare none): generated gradients equal autograd's within 1e-4 relative in float32 on
        /// one small batch, the ResNets through their blocks included. VGG-16 and VGG-16-BN (138 M
        /// parameters) are not built in a unit test.
        /// </summary>
        [Fact]
        public void Zoo_models_generated_gradients_equal_autograd_in_float32()
        {
            string zoo = Path.Combine(RepositoryRoot(), "samples", "ModelZoo", "Models");
            var sources = Directory.GetFiles(zoo, "*.cs")
                .Where(f => !f.EndsWith("Vgg16.cs", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .ToArray();
            // Blocks (BasicBlock, Bottleneck) take no loss: only the models do.
            var blocks = sources.SelectMany(text => Regex.Matches(text, @"\[Block\]\s*(?:\[[^\n]*\]\s*)*public partial class (\w+);").Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            string source = "using ModelGen;\n" + string.Join("\n", sources.Select(text =>
                Regex.Replace(
                    text.Replace("using ModelGen;", string.Empty),
                    @"^(\s*)public partial class (\w+);",
                    m => blocks.Contains(m.Groups[2].Value) ? m.Value : $"{m.Groups[1].Value}[Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]\n{m.Value}",
                    RegexOptions.Multiline)));
            var names = Regex.Matches(source, @"public partial class (\w+);").Select(m => m.Groups[1].Value).Where(name => !blocks.Contains(name)).ToArray();
            Assert.Contains("LeNet5", names);
            Assert.Contains("LstmNet", names);
            Assert.Contains("ResNet18", names);
            Assert.Contains("ResNet50", names);
            var report = new List<string>();
            WithCompiled(source, assembly =>
            {
                foreach (string name in names)
                {
                    Type type = assembly.GetType($"ModelGen.Samples.Zoo.{name}", throwOnError: true)!;
                    using var module = (nn.Module)Activator.CreateInstance(type, new object?[] { null })!;
                    var model = (ITrainableModel)module;
                    var shape = (IGeneratedModel)model;
                    if (!GradientCheck.UseGenerated(model))
                    {
                        report.Add($"{name}: autograd (a kind without a rule)");
                        continue;
                    }

                    torch.manual_seed(5);
                    long n = shape.ParameterCount > 10_000_000 ? 1 : 2;
                    Tensor input = Input(shape, n);
                    Tensor output;
                    using (torch.no_grad())
                    {
                        module.eval();
                        output = ((nn.Module<Tensor, Tensor>)module).forward(input);
                    }

                    double worst = GradientCheck.AssertMatchesAutograd(model, input, torch.randn_like(output), 1e-4);
                    report.Add($"{name}: {worst:E1}");
                }
            });

            _output.WriteLine(string.Join("\n", report));
            Assert.True(report.Count(line => !line.Contains("autograd", StringComparison.Ordinal)) >= 8, string.Join("\n", report));
            Assert.Contains(report, line => line.StartsWith("ResNet18: ", StringComparison.Ordinal) && !line.Contains("autograd", StringComparison.Ordinal));
            Assert.Contains(report, line => line.StartsWith("ResNet50: ", StringComparison.Ordinal) && !line.Contains("autograd", StringComparison.Ordinal));
        }

        /// <summary>A batch for a zoo model: token ids (LSTMNet's vocabulary is 20) or normal floats; a symbolic length is 7 steps.</summary>
        private static Tensor Input(IGeneratedModel shape, long n)
        {
            long[] dims = new[] { n }.Concat(shape.InputShape.WithLength(7)).ToArray();
            return shape.ModelName == "LstmNet" ? torch.randint(0, 20, dims, dtype: ScalarType.Int64) : torch.randn(dims);
        }

        private static void WithCompiled(string source, Action<Assembly> check)
        {
            CompiledSource compiled = InMemoryCompiler.Compile(source, "Backward" + Guid.NewGuid().ToString("N"));
            Assert.Null(compiled.GeneratorException);
            Diagnostic[] errors = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
            var context = new SharingLoadContext("Backward");
            try
            {
                check(context.LoadImage(compiled.Image!));
            }
            finally
            {
                context.Unload();
            }
        }

        private static string RepositoryRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "ModelGen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("ModelGen.sln not found above the test binaries");
        }
    }

    /// <summary>
    /// Tests whose two runs (generated, then autograd) must draw the same dropout masks from the
    /// global generator: run alone, so that no test on another thread draws numbers in between.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class RandomNumbersAlone
    {
        /// <summary>The collection's name.</summary>
        public const string Name = "Global random numbers, alone";
    }
}

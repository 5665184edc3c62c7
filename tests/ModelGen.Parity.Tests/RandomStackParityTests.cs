using System;
using System.Linq;
using System.Reflection;
using CsCheck;
using Microsoft.CodeAnalysis;
using ModelGen.Parity.Tests.RandomStacks;
using TorchSharp;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// Random valid stacks (CsCheck): each sample is a batch of model declarations compiled in
    /// memory with the real generator, loaded, built and run; the generated constants must equal
    /// what TorchSharp reports and what the textbook formulas give.
    /// </summary>
    public sealed class RandomStackParityTests
    {
        private const int ModelsPerCompilation = 20;
        private const int Compilations = 5;
        private const long BatchSize = 2;

        [Fact]
        public void Random_valid_stacks_generate_models_that_match_TorchSharp()
        {
            StackGenerators.Model.Array[ModelsPerCompilation].Sample(
                CheckCompilation,
                iter: Compilations,
                threads: 1,
                print: StackSource.Write);
        }

        private static void CheckCompilation(StackModel[] models)
        {
            string source = StackSource.Write(models);
            CompiledSource compiled = InMemoryCompiler.Compile(source, "RandomStacks" + Guid.NewGuid().ToString("N"));

            Assert.Null(compiled.GeneratorException);
            Assert.Empty(compiled.GeneratorDiagnostics);
            Diagnostic[] problems = compiled.Diagnostics
                .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
                .ToArray();
            Assert.True(problems.Length == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())));
            Assert.Equal(models.Length, compiled.GeneratedFiles.Length);
            Assert.NotNull(compiled.Image);

            var context = new SharingLoadContext("RandomStacks");
            try
            {
                Assembly assembly = context.LoadImage(compiled.Image!);
                for (int i = 0; i < models.Length; i++)
                {
                    CheckModel(assembly, StackSource.ClassName(i), models[i]);
                }
            }
            finally
            {
                context.Unload();
            }
        }

        private static void CheckModel(Assembly assembly, string className, StackModel declaration)
        {
            Type type = assembly.GetType($"{StackSource.Namespace}.{className}", throwOnError: true)!;
            var model = (IGeneratedModel)Activator.CreateInstance(type, new object?[] { null })!;
            try
            {
                var expected = StackFormula.Infer(declaration)!;
                Assert.Equal(expected.Select(layer => layer.Field), model.LayerTable.Select(layer => layer.Field));
                for (int j = 0; j < expected.Count; j++)
                {
                    Assert.Equal(expected[j].Output, model.LayerTable[j].OutputShape);
                    Assert.Equal(expected[j].Parameters, model.LayerTable[j].Parameters);
                }

                Assert.Equal(expected[^1].Output, model.OutputShape);
                Assert.Equal(expected.Sum(layer => layer.Parameters), model.ParameterCount);

                ModelParity.AssertMatchesTorch(model, BatchSize);

                var module = (torch.nn.Module)model;
                Assert.Equal(
                    expected.SelectMany(layer => layer.StateKeys).OrderBy(key => key, StringComparer.Ordinal),
                    ModelParity.StateDictKeys(module));

                if (declaration.Training != StackTraining.None)
                {
                    var trainable = Assert.IsAssignableFrom<ITrainableModel>(model);
                    using IDisposable scope = torch.NewDisposeScope();
                    float loss = trainable.TrainStep(
                        torch.randn(model.InputShape.WithBatch(BatchSize)),
                        torch.randn(model.OutputShape.WithBatch(BatchSize)));
                    Assert.True(float.IsFinite(loss), $"TrainStep returned {loss}");
                }
            }
            catch (Exception failure)
            {
                throw new Xunit.Sdk.XunitException($"{className} failed:\n{declaration}\n{failure.Message}");
            }
            finally
            {
                ((IDisposable)model).Dispose();
            }
        }
    }
}

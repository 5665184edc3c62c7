using System;
using System.Linq;
using System.Reflection;
using CsCheck;
using Microsoft.CodeAnalysis;
using ModelGen.Parity.Tests.RandomStacks;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// Random valid sequence stacks (CsCheck): token-id or float inputs, symbolic or fixed lengths,
    /// recurrent, attention, encoder, positional and position-wise layers. Each batch is compiled
    /// in memory with the real generator; the generated shapes and counts must equal the test's
    /// own formulas (<see cref="SequenceFormula"/>) and what TorchSharp does at two lengths.
    /// </summary>
    public sealed class RandomSequenceStackParityTests
    {
        [Fact]
        public void Random_sequence_stacks_generate_models_that_match_TorchSharp()
        {
            SequenceGenerators.Model.Array[10].Sample(CheckCompilation, iter: 3, threads: 1, print: SequenceModel.Source);
        }

        private static void CheckCompilation(SequenceModel[] models)
        {
            CompiledSource compiled = InMemoryCompiler.Compile(SequenceModel.Source(models), "RandomSequences" + Guid.NewGuid().ToString("N"));
            Assert.Null(compiled.GeneratorException);
            Assert.Empty(compiled.GeneratorDiagnostics);
            Diagnostic[] problems = compiled.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToArray();
            Assert.True(problems.Length == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())));
            Assert.Equal(models.Length, compiled.GeneratedFiles.Length);

            var context = new SharingLoadContext("RandomSequences");
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

        private static void CheckModel(Assembly assembly, string className, SequenceModel declaration)
        {
            Type type = assembly.GetType($"{StackSource.Namespace}.{className}", throwOnError: true)!;
            var model = (IGeneratedModel)Activator.CreateInstance(type, new object?[] { null })!;
            try
            {
                var expected = SequenceFormula.Infer(declaration)!;
                Assert.Equal(expected.Select(layer => layer.Field), model.LayerTable.Select(layer => layer.Field));
                for (int j = 0; j < expected.Count; j++)
                {
                    Assert.Equal(expected[j].Output, model.LayerTable[j].OutputShape);
                    Assert.Equal(expected[j].Parameters, model.LayerTable[j].Parameters);
                }

                Assert.Equal(expected.Sum(layer => layer.Parameters), model.ParameterCount);
                if (declaration.LengthName is not null)
                {
                    Assert.StartsWith(declaration.LengthName, model.InputShape.ToString(), StringComparison.Ordinal);
                }

                SequenceParity.AssertMatchesTorch(model, declaration.Vocabulary, declaration.LengthName is null ? Array.Empty<long>() : new long[] { 1, 5 });
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

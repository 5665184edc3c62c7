extern alias GeneratorAssembly;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGenerator = GeneratorAssembly::ModelGen.Generator.ModelGenerator;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// The generator's time for a project of 100 models: a compilation with 100 model classes
    /// (MLPs, CNNs, LSTM and transformer models in turn) run through a fresh generator driver, so
    /// nothing is cached; the median over runs, divided by 100.
    /// </summary>
    internal static class GeneratorTiming
    {
        public static double Run(int runs, int models = 100)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "HundredModels",
                new[] { CSharpSyntaxTree.ParseText(Source(models), new CSharpParseOptions(LanguageVersion.Preview)) },
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            int generatedFiles = 0;
            double RunOnce()
            {
                GeneratorDriver driver = CSharpGeneratorDriver.Create(new ModelGenerator());
                long start = Stopwatch.GetTimestamp();
                driver = driver.RunGenerators(compilation);
                double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                GeneratorDriverRunResult result = driver.GetRunResult();
                generatedFiles = result.GeneratedTrees.Length;
                if (result.Diagnostics.Length > 0 || result.Results[0].Exception is not null)
                {
                    throw new InvalidOperationException("The generator failed on the 100-model project: " + string.Join("; ", result.Diagnostics));
                }

                return elapsed;
            }

            for (int i = 0; i < 3; i++)
            {
                RunOnce();
            }

            double[] times = Enumerable.Range(0, runs).Select(_ => RunOnce()).ToArray();
            double median = Statistics.Median(times);
            Console.WriteLine($"generator on a {models}-model project ({generatedFiles} files generated, fresh driver each run): median {median:F1} ms over {runs} runs (min {times.Min():F1}, max {times.Max():F1}) = {median / models:F3} ms per model");
            return median / models;
        }

        private static string Source(int models)
        {
            string[] bodies =
            {
                "[Model(64)]\n[Linear(128), ReLU, Dropout(0.2)]\n[Linear(64), ReLU]\n[Linear(10)]\n[Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]",
                "[Model(1, 28, 28)]\n[Conv2d(16, Kernel = 3, Padding = 1), ReLU]\n[MaxPool2d(2)]\n[Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d, ReLU]\n[MaxPool2d(2)]\n[Flatten]\n[Linear(64), ReLU]\n[Linear(10)]",
                "[Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]\n[Embedding(1000, 64)]\n[LSTM(128, NumLayers = 2, Dropout = 0.1, ReturnSequences = false)]\n[Linear(1000)]\n[Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]",
                "[Model(32, SequenceLength = \"T\")]\n[PositionalEncoding]\n[TransformerEncoderLayer(4, DimFeedforward = 64)]\n[GRU(32, Bidirectional = true, ReturnSequences = false)]\n[Linear(2)]",
            };
            var source = new StringBuilder("using ModelGen;\n\nnamespace Hundred\n{\n");
            for (int i = 0; i < models; i++)
            {
                source.Append(bodies[i % bodies.Length]).Append($"\npublic partial class Model{i};\n\n");
            }

            return source.Append("}\n").ToString();
        }

        private static IEnumerable<MetadataReference> References()
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return platform
                .Concat(new[] { typeof(ModelAttribute).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location })
                .Distinct()
                .Select(path => MetadataReference.CreateFromFile(path));
        }
    }
}

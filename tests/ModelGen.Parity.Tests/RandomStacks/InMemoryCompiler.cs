using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.Generator;
using TorchSharp;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>What compiling a source file with the ModelGen generator produced.</summary>
    /// <param name="Image">The assembly image, or null when emitting failed.</param>
    /// <param name="Diagnostics">The compiler's diagnostics after generation, and emit's.</param>
    /// <param name="GeneratorDiagnostics">Diagnostics the generator driver reported.</param>
    /// <param name="GeneratorException">The exception the generator threw, if it did.</param>
    /// <param name="GeneratedFiles">The hint names of the generated files.</param>
    internal sealed record CompiledSource(
        byte[]? Image,
        ImmutableArray<Diagnostic> Diagnostics,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        Exception? GeneratorException,
        ImmutableArray<string> GeneratedFiles);

    /// <summary>
    /// Compiles C# in memory against the framework, TorchSharp and ModelGen.Runtime, running the
    /// real <see cref="ModelGenerator"/> through <see cref="CSharpGeneratorDriver"/>.
    /// </summary>
    internal static class InMemoryCompiler
    {
        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

        public static CompiledSource Compile(string source, string assemblyName)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "RandomModels.cs") },
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new ModelGenerator().AsSourceGenerator() },
                parseOptions: ParseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorRunResult run = driver.GetRunResult().Results.Single();

            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = generated.Emit(image);
            return new CompiledSource(
                emitted.Success ? image.ToArray() : null,
                generated.GetDiagnostics().AddRange(emitted.Diagnostics).Distinct().ToImmutableArray(),
                generatorDiagnostics.AddRange(run.Diagnostics),
                run.Exception,
                run.GeneratedSources.Select(file => file.HintName).ToImmutableArray());
        }

        /// <summary>The framework's assemblies (from the host's trusted platform list), TorchSharp and the runtime.</summary>
        private static MetadataReference[] LoadReferences()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return trusted
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Append(typeof(torch).Assembly.Location)
                .Append(typeof(IGeneratedModel).Assembly.Location)
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        }
    }
}

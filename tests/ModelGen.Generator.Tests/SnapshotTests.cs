using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>The generated code, byte for byte, against committed snapshots; and it compiles cleanly.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Mlp() => VerifyGenerated(Models.Mlp);

    [Fact]
    public void DigitsCnn() => VerifyGenerated(Models.DigitsCnn);

    [Fact]
    public void EveryLayer() => VerifyGenerated(Models.EveryLayer);

    [Fact]
    public void NestedWithoutTraining() => VerifyGenerated(Models.NestedWithoutTraining);

    [Fact]
    public void GeneratedCodeIsDocumentedForProjectsThatRequireIt()
    {
        foreach (string source in new[] { Models.Mlp, Models.DigitsCnn, Models.EveryLayer, Models.NestedWithoutTraining })
        {
            CSharpParseOptions options = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
            CSharpCompilation compilation = TestCompilation.Create(source).RemoveAllSyntaxTrees()
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, options));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, parseOptions: options);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            SyntaxTree generated = output.SyntaxTrees.Last();
            Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree == generated).Select(d => d.ToString()));
        }
    }

    [Fact]
    public void GeneratingTwiceGivesIdenticalBytes()
    {
        string first = Generated(Models.EveryLayer).Single().SourceText.ToString();
        string second = Generated(Models.EveryLayer).Single().SourceText.ToString();
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    private static void VerifyGenerated(string source, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".cs", string.Empty), method: method);
    }

    private static System.Collections.Immutable.ImmutableArray<GeneratedSourceResult> Generated(string source) =>
        TestCompilation.Run(source).Result.Results.Single().GeneratedSources;
}

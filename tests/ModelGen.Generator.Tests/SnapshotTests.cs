using System.Linq;
using Microsoft.CodeAnalysis;
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

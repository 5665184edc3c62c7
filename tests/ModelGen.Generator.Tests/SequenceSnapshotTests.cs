using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// The generated code of the two sequence models that the parity tests train, byte for byte: the
/// declarations are read from the parity tests' files, so the snapshot is of the model that trains.
/// </summary>
public sealed class SequenceSnapshotTests
{
    [Fact]
    public void NextTokenLstm() => VerifyGenerated(ParityModel("NextTokenLstm.cs"));

    [Fact]
    public void TokenTransformerClassifier() => VerifyGenerated(ParityModel("TokenTransformerClassifier.cs"));

    private static void VerifyGenerated(string source, [CallerMemberName] string method = "")
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".cs", string.Empty), method: method);
    }

    private static string ParityModel(string file, [CallerFilePath] string testFile = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "ModelGen.Parity.Tests", "Models", file));
}

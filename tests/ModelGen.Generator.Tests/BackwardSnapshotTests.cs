using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// The generated training forward and backward of a model built from the kinds whose rules came
/// last (padding mode, GroupNorm, Maxout, transposed convolution, InstanceNorm2d, Upsample, LP
/// pooling, AlphaDropout), byte for byte; the declaration is the parity tests', whose gradients
/// KindGradientTests checks against autograd.
/// </summary>
public sealed class BackwardSnapshotTests
{
    [Fact]
    public void EncoderDecoderNet()
    {
        string source = File.ReadAllText(Path.Combine(ParityModels(), "EncoderDecoderNet.cs"));
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        string text = generated.SourceText.ToString();
        Assert.Contains("private void Backward(Tape t, global::TorchSharp.torch.Tensor g)", text, System.StringComparison.Ordinal);
        Snapshot.Verify(text, generated.HintName.Replace(".cs", string.Empty), method: nameof(EncoderDecoderNet));
    }

    private static string ParityModels([CallerFilePath] string testFile = "") =>
        Path.Combine(Path.GetDirectoryName(testFile)!, "..", "ModelGen.Parity.Tests", "Models");
}

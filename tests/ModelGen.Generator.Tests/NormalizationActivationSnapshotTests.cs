using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// The generated code of one model that uses every normalization, noise and activation kind,
/// TorchSharp modules and the runtime's own (GaussianNoise, BinaryStep, Maxout, Hardtanh, the
/// initialized GroupNorm), byte for byte against a committed snapshot.
/// </summary>
public sealed class NormalizationActivationSnapshotTests
{
    private const string Source = """
        using ModelGen;

        namespace Samples.Catalog;

        [Model(1, 8, 8)]
        [Conv2d(8, Kernel = 3, Padding = 1), InstanceNorm2d(Affine = true, TrackRunningStats = true), Dropout2d(0.1)]
        [GroupNorm(4), GaussianNoise(0.05), PReLU(NumParameters = 8), ELU(Alpha = 0.5), Maxout(2)]
        [Flatten, Linear(32), LayerNorm(Eps = 1e-6), SELU, AlphaDropout(0.05), GELU(Approximate = GeluApproximate.Tanh)]
        [SiLU, Softplus(Beta = 2, Threshold = 10), Mish, Hardtanh(MinVal = -2, MaxVal = 2), PReLU]
        [Linear(4), BinaryStep(ValueAtZero = 0)]
        public partial class NormalizationAndActivations;
        """;

    [Fact]
    public void NormalizationAndActivations()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(Source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".cs", string.Empty));
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Generator.Tests.Infrastructure;
using ModelGen.Roslyn;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>[Initialize]: read in source order, mirrored enum, emitted in the constructor after registration.</summary>
public sealed class InitializerGenerationTests
{
    private const string Declaration = """
        using ModelGen;

        namespace Samples;

        [Model(4)]
        [Initialize(WeightInit.HeUniform)]
        [Linear(8), ReLU]
        [Linear(2)]
        [Initialize(WeightInit.XavierNormal, Bias = 0.5, Layer = "fc2")]
        public partial class Initialized;
        """;

    [Fact]
    public void InitializersAreReadInSourceOrder()
    {
        Compilation compilation = TestCompilation.Create(Declaration);
        ModelDeclaration declaration = ModelSpecReader.Read(compilation.GetTypeByMetadataName("Samples.Initialized")!, default);

        Assert.Equal(
            new[]
            {
                new InitializerSpec(WeightInitSpec.HeUniform, 0, null, "Initialize(WeightInit.HeUniform)"),
                new InitializerSpec(WeightInitSpec.XavierNormal, 0.5, "fc2", "Initialize(WeightInit.XavierNormal, Bias = 0.5, Layer = \"fc2\")"),
            },
            declaration.Spec.Initializers.ToArray());
        Assert.Equal(2, declaration.InitializerAttributes.Count);
    }

    [Fact]
    public void WeightInitMirrorsTheRuntimeEnum() =>
        Assert.Equal(
            System.Enum.GetValues<WeightInit>().Select(v => (v.ToString(), (int)v)),
            System.Enum.GetValues<WeightInitSpec>().Select(v => (v.ToString(), (int)v)));

    [Fact]
    public void TheConstructorAppliesThemAfterRegisteringTheLayers()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(Declaration);
        Assert.Empty(TestCompilation.Problems(output));
        string code = result.Results.Single().GeneratedSources.Single().SourceText.ToString();

        int register = code.IndexOf("RegisterComponents();", System.StringComparison.Ordinal);
        int first = code.IndexOf("global::ModelGen.Training.Initializers.Apply(this, global::ModelGen.WeightInit.HeUniform, biasValue: 0.0); // [Initialize(WeightInit.HeUniform)]", System.StringComparison.Ordinal);
        int second = code.IndexOf("global::ModelGen.Training.Initializers.Apply(this, global::ModelGen.WeightInit.XavierNormal, biasValue: 0.5, layer: \"fc2\");", System.StringComparison.Ordinal);
        Assert.True(register >= 0 && first > register && second > first, code);
    }
}

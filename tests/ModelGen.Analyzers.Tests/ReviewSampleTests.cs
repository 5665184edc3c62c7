using System.Linq;
using System.Threading.Tasks;
using ModelGen.Domain;
using Xunit;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The review rules stay silent on the repository's samples (the digits CNN and every model of
/// the zoo, as the files are), and the rules that no shipped kind can trigger yet are checked on
/// the pure review with a stand-in kind that has the trait.
/// </summary>
public sealed class ReviewSampleTests
{
    public static TheoryData<string> ZooModels => new(typeof(ReviewSampleTests).Assembly.GetManifestResourceNames().Where(name => name.StartsWith("Zoo.", System.StringComparison.Ordinal)).OrderBy(name => name, System.StringComparer.Ordinal));

    [Fact]
    public Task DigitsCnn_NoDiagnostics() => AnalyzerTest.VerifyAsync(Embedded("DigitsNet.cs"));

    [Fact]
    public Task LeNet5_FourTanhLayers_NoDiagnostics() => AnalyzerTest.VerifyAsync(Embedded("LeNet5.cs"));

    [Theory]
    [MemberData(nameof(ZooModels))]
    public Task ZooModel_NoDiagnostics(string resource) =>
        // AlexNet and the Keras MNIST model acknowledge MG0003 and VGG-16-BN MG0019 with #pragma,
        // as the published models have them; any other warning fails here, and so does a model
        // without ONNX export (MG0015: the ResNets' blocks and residual sums export).
        AnalyzerTest.VerifyNoWarningsAsync(Embedded(resource));

    [Fact]
    public void ZooModels_AreAllEmbedded() => Assert.True(ZooModels.Count >= 5);

    [Fact]
    public void NoGradient_LayerAboveTrainableLayers_InATrainedModel_IsFound()
    {
        ModelPlan plan = ShapeInference.Infer(Perceptron(StepLayer.Instance.Spec, trained: true));

        ReviewFinding finding = Assert.Single(ModelReview.Review(plan));

        Assert.Equal(ReviewKind.NoGradient, finding.Kind);
        Assert.Equal(ProblemTarget.Layer, finding.Target);
        Assert.Equal(1, finding.LayerIndex);
        Assert.Equal("Step has no gradient (its derivative is 0 wherever it exists), and Perceptron is trained: the 40 parameters of the layers before it never receive a gradient and keep their initial values; use a differentiable activation (ReLU, or Sigmoid as a soft step)", finding.Message);
        Assert.Equal(DiagnosticDescriptors.NoGradientId, DiagnosticDescriptors.For(finding.Kind).Id);
    }

    [Fact]
    public void NoGradient_ModelWithoutTraining_NothingFound()
    {
        ModelPlan plan = ShapeInference.Infer(Perceptron(StepLayer.Instance.Spec, trained: false));

        Assert.Empty(ModelReview.Review(plan));
    }

    [Fact]
    public void NoGradient_StepOnTheInput_NothingBelowItToTrain_NothingFound()
    {
        var spec = new ModelSpec(
            "Perceptron",
            Shape.Of(4),
            new EquatableArray<LayerSpec>(new LayerSpec[] { StepLayer.Instance.Spec, new LinearLayer.Spec("Linear(1)", 1, true) }),
            new LossSpec(LossKindSpec.MSE, "Loss(LossKind.MSE)"),
            new OptimizerSpec(OptimizerKindSpec.SGD, "Optimizer(OptimizerKind.SGD)", 0.01, 0, 0));

        Assert.Empty(ModelReview.Review(ShapeInference.Infer(spec)));
    }

    private static ModelSpec Perceptron(LayerSpec step, bool trained) => new(
        "Perceptron",
        Shape.Of(4),
        new EquatableArray<LayerSpec>(new LayerSpec[] { new LinearLayer.Spec("Linear(8)", 8, true), step, new LinearLayer.Spec("Linear(1)", 1, true) }),
        trained ? new LossSpec(LossKindSpec.MSE, "Loss(LossKind.MSE)") : null,
        trained ? new OptimizerSpec(OptimizerKindSpec.SGD, "Optimizer(OptimizerKind.SGD)", 0.01, 0, 0) : null);

    private static string Embedded(string name)
    {
        using System.IO.Stream stream = typeof(ReviewSampleTests).Assembly.GetManifestResourceStream(name)!;
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The course notes' binary step: a kind with <see cref="LayerTraits.NoGradient"/>, which no shipped kind has yet.</summary>
    private sealed class StepLayer : LayerEntry<StepLayer.StepSpec>
    {
        public static readonly StepLayer Instance = new();

        public StepSpec Spec => new(this, "Step");

        public sealed record StepSpec(StepLayer Step, string Display) : LayerSpec(Step, Display);

        public override string Name => "Step";

        public override string FieldPrefix => "step";

        public override LayerTraits Traits => LayerTraits.Activation | LayerTraits.NoGradient;

        public override string Signature => "Step";

        public override string ShapeRule => "unchanged";

        protected override StepSpec ReadSpec(DeclaredArguments args) => new(this, args.Display);

        protected override LayerOutcome? Infer(StepSpec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(StepSpec spec, LayerPlan layer) => string.Empty;
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Generator.Tests.Infrastructure;
using ModelGen.Roslyn;
using ModelGen.Training;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>The training attributes' reader: PyTorch defaults per kind, every setting read, range rules.</summary>
public sealed class TrainingReaderTests
{
    [Theory]
    [InlineData(OptimizerKind.SGD)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Adagrad)]
    [InlineData(OptimizerKind.Adadelta)]
    [InlineData(OptimizerKind.RMSprop)]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Adamax)]
    [InlineData(OptimizerKind.NAdam)]
    public void Optimizer_defaults_match_the_attribute_and_the_runtime_settings(OptimizerKind kind)
    {
        var attribute = new OptimizerAttribute(kind);
        var settings = new OptimizerSettings(kind);
        var specKind = (OptimizerKindSpec)(int)kind;

        Assert.Equal(attribute.LearningRate, OptimizerDefaultsSpec.LearningRate(specKind));
        Assert.Equal(attribute.Epsilon, OptimizerDefaultsSpec.Epsilon(specKind));
        Assert.Equal(attribute.WeightDecay, OptimizerDefaultsSpec.WeightDecay(specKind));
        Assert.Equal((attribute.Beta1, attribute.Beta2, attribute.Rho, attribute.Alpha, attribute.MomentumDecay), (OptimizerDefaultsSpec.Beta1, OptimizerDefaultsSpec.Beta2, OptimizerDefaultsSpec.Rho, OptimizerDefaultsSpec.Alpha, OptimizerDefaultsSpec.MomentumDecay));
        Assert.Equal((attribute.LearningRate, attribute.Epsilon, attribute.WeightDecay), (settings.LearningRate, settings.Epsilon, settings.WeightDecay));

        ModelSpec spec = Read($"[Loss(LossKind.MSE), Optimizer(OptimizerKind.{kind})]");
        Assert.Equal(attribute.LearningRate, spec.Optimizer!.LearningRate);
        Assert.Equal(attribute.Epsilon, spec.Optimizer.Epsilon);
        Assert.Equal(attribute.WeightDecay, spec.Optimizer.WeightDecay);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        ModelSpec spec = Read(
            "[Loss(LossKind.CrossEntropy, Reduction = LossReduction.Sum, LabelSmoothing = 0.1, ClassWeights = new[] { 1.0, 2.0 }, L1 = 0.01, L2 = 0.02)," +
            " Optimizer(OptimizerKind.Adam, LearningRate = 0.005, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, WeightDecay = 0.1, ClipNorm = 1, ClipValue = 0.5)]");

        LossSpec loss = spec.Loss!;
        Assert.Equal((LossKindSpec.CrossEntropy, LossReductionSpec.Sum, 0.1, 0.01, 0.02), (loss.Kind, loss.Reduction, loss.LabelSmoothing, loss.L1, loss.L2));
        Assert.Equal(new[] { 1.0, 2.0 }, loss.ClassWeights.ToArray());
        OptimizerSpec o = spec.Optimizer!;
        Assert.Equal((0.005, 0.8, 0.99, 1e-6, 0.1, 1.0, 0.5), (o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay, o.ClipNorm, o.ClipValue));
    }

    [Theory]
    [InlineData("Loss(LossKind.MSE, LabelSmoothing = 0.1)", "LabelSmoothing applies to CrossEntropy only, not MSE")]
    [InlineData("Loss(LossKind.CrossEntropy, LabelSmoothing = 1.5)", "LabelSmoothing must lie in [0, 1), got 1.5")]
    [InlineData("Loss(LossKind.MSE, HuberDelta = 2)", "HuberDelta applies to Huber only, not MSE")]
    [InlineData("Loss(LossKind.MSE, ClassWeights = new[] { 1.0 })", "ClassWeights apply to CrossEntropy and NLL only, not MSE")]
    [InlineData("Loss(LossKind.MSE, L2 = -1)", "L2 must be zero or positive and finite, got -1")]
    [InlineData("Optimizer(OptimizerKind.SGD, Beta1 = 0.8)", "Beta1 applies to Adam, AdamW, Adamax and NAdam only, not SGD")]
    [InlineData("Optimizer(OptimizerKind.Adam, Beta2 = 1)", "Beta2 must lie in [0, 1), got 1")]
    [InlineData("Optimizer(OptimizerKind.SGD, Nesterov = true)", "Nesterov needs SGD with a positive Momentum")]
    [InlineData("Optimizer(OptimizerKind.Adam, Rho = 0.5)", "Rho applies to Adadelta only, not Adam")]
    [InlineData("Optimizer(OptimizerKind.Adam, Momentum = 0.9)", "Momentum applies to SGD and RMSprop only; Adam has its own moment estimates")]
    [InlineData("Optimizer(OptimizerKind.SGD, ClipNorm = -1)", "ClipNorm must be positive and finite (0 turns clipping off), got -1")]
    public void Out_of_range_or_misplaced_settings_are_reported(string attribute, string message)
    {
        string attributes = attribute.StartsWith("Loss") ? $"[{attribute}, Optimizer(OptimizerKind.SGD)]" : $"[Loss(LossKind.MSE), {attribute}]";
        ModelDeclaration declaration = Declaration(attributes);
        ModelPlan plan = ShapeInference.Infer(declaration.Spec);

        ModelProblem problem = Assert.Single(declaration.Problems.Concat(plan.Problems), p => p.Kind == ProblemKind.InvalidArgument);
        Assert.Equal($"{attribute}: {message}", problem.Message);
    }

    private static ModelSpec Read(string training) => Declaration(training).Spec;

    private static ModelDeclaration Declaration(string training)
    {
        Compilation compilation = TestCompilation.Create($"using ModelGen;\n[Model(4)] [Linear(2)] {training} public partial class A;");
        return ModelSpecReader.Read(compilation.GetTypeByMetadataName("A")!, default);
    }
}

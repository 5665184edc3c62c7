using System.Linq;
using ModelGen.Domain;
using Xunit;

namespace ModelGen.Generator.Tests.Domain;

/// <summary>
/// Shape rules and parameter formulas, with expected numbers worked out by hand from the course
/// notes: out = floor((W − F + 2P) / S) + 1, with dilation floor((W + 2P − D·(F − 1) − 1) / S) + 1;
/// Conv2d has out·in·F·F + out parameters, Linear in·out + out, BatchNorm 2·C.
/// </summary>
public sealed class ShapeInferenceTests
{
    [Theory]
    // W, F, P, S, D → out          (worked example)
    [InlineData(7, 3, 0, 1, 1, 5)]   // (7 − 3 + 0)/1 + 1
    [InlineData(7, 3, 0, 2, 1, 3)]   // (7 − 3)/2 + 1
    [InlineData(32, 5, 0, 1, 1, 28)] // LeNet C1
    [InlineData(227, 11, 0, 4, 1, 55)] // AlexNet conv1: (227 − 11)/4 + 1
    [InlineData(8, 3, 1, 1, 1, 8)]   // "same" padding
    [InlineData(7, 3, 0, 1, 2, 3)]   // dilation 2: effective kernel 5 → (7 + 0 − 2·2 − 1)/1 + 1
    [InlineData(5, 3, 1, 2, 1, 3)]   // (5 − 3 + 2)/2 + 1
    public void Conv2dOutputSizeFollowsTheFormula(int w, int f, int p, int s, int d, int expected)
    {
        ModelPlan plan = Infer(new[] { 1, w, w }, Conv(4, f, p, s, d));
        Assert.Equal(new[] { 4, expected, expected }, plan.OutputShape.ToArray());
        Assert.DoesNotContain(plan.Problems, problem => problem.IsError);
    }

    [Fact]
    public void RectangularWindowsUseEachAxisOwnNumbers()
    {
        var conv = new ConvLayer.Spec(ConvLayer.TwoD, "Conv2d(2)", 2, new Pair(3, 5), new Pair(1, 2), new Pair(0, 2), Pair.Square(1), Bias: true);
        ModelPlan plan = Infer(new[] { 3, 10, 11 }, conv);

        // height: (10 − 3 + 0)/1 + 1 = 8; width: (11 − 5 + 4)/2 + 1 = 6; params 2·3·3·5 + 2 = 92
        Assert.Equal(new[] { 2, 8, 6 }, plan.OutputShape.ToArray());
        Assert.Equal(92, plan.TotalParameters);
    }

    [Fact]
    public void LeNet5Has61706Parameters()
    {
        ModelPlan plan = Infer(
            new[] { 1, 32, 32 },
            Conv(6, 5), Pool(2), Conv(16, 5), Pool(2), Layer(FlattenLayer.Instance), Dense(120), Dense(84), Dense(10));

        // C1 6·1·25 + 6 = 156; C3 16·6·25 + 16 = 2,416; F5 400·120 + 120 = 48,120; F6 120·84 + 84 = 10,164; out 84·10 + 10 = 850
        Assert.Equal(new long[] { 156, 0, 2416, 0, 0, 48120, 10164, 850 }, plan.Layers.Select(l => l.Parameters).ToArray());
        Assert.Equal(61706, plan.TotalParameters);
        Assert.Equal(new[] { 16, 5, 5 }, plan.Layers[3].OutputShape.ToArray());
        Assert.Equal(400, plan.Layers[5].InFeatures);
    }

    [Fact]
    public void LinearAndBatchNormInferTheirInputFromTheLayerAbove()
    {
        ModelPlan plan = Infer(new[] { 32, 2, 2 }, Layer(FlattenLayer.Instance), Dense(64), Layer(BatchNormLayer.OneD));
        Assert.Equal(128, plan.Layers[1].InFeatures);
        Assert.Equal(128 * 64 + 64, plan.Layers[1].Parameters);
        Assert.Equal(64, plan.Layers[2].InFeatures);
        Assert.Equal(2 * 64, plan.Layers[2].Parameters);
    }

    [Fact]
    public void KernelLargerThanInputIsAnEmptyOutputNamingTheNumbers()
    {
        ModelPlan plan = Infer(new[] { 1, 8, 8 }, Conv(4, 9));
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal(ProblemKind.EmptyOutput, problem.Kind);
        Assert.Equal(0, problem.LayerIndex);
        Assert.Equal("Conv2d(4, Kernel = 9) needs an input of at least 9×9 but the model input is 1×8×8: height = floor((8 − 9 + 2·0) / 1) + 1 = 0", problem.Message);
    }

    [Fact]
    public void EmptyOutputNamesTheLayerAbove()
    {
        ModelPlan plan = Infer(new[] { 1, 8, 8 }, Pool(2), Pool(2), Conv(16, 5));
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal(2, problem.LayerIndex);
        Assert.StartsWith("Conv2d(16, Kernel = 5) needs an input of at least 5×5 but MaxPool2d(2) above it produces 1×2×2", problem.Message);
    }

    [Fact]
    public void StrideThatDoesNotDivideIsAWarningAndInferenceGoesOn()
    {
        // (7 − 3 + 0) = 4 is not a multiple of 3: out = floor(4/3) + 1 = 2, one row and one column never read.
        ModelPlan plan = Infer(new[] { 1, 7, 7 }, Conv(2, 3, s: 3), Layer(ActivationLayer.ReLU));
        Assert.Equal(new[] { 2, 2, 2 }, plan.OutputShape.ToArray());
        Assert.False(plan.HasErrors);
        Assert.Equal(new[] { ProblemKind.StrideRemainder, ProblemKind.StrideRemainder }, plan.Problems.Select(p => p.Kind).ToArray());
        Assert.Contains("the last row of the padded input is never read", plan.Problems[0].Message);
    }

    [Fact]
    public void LinearOnAFeatureMapNeedsFlatten()
    {
        ModelPlan plan = Infer(new[] { 16, 4, 4 }, Dense(10));
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal(ProblemKind.LinearNeedsFlatten, problem.Kind);
        Assert.Contains("produce 16×4×10", problem.Message);
    }

    [Theory]
    [InlineData("Conv2d")]
    [InlineData("MaxPool2d")]
    [InlineData("BatchNorm2d")]
    public void FeatureMapLayersAfterFlattenAreRankMismatches(string kind)
    {
        LayerSpec layer = kind switch { "Conv2d" => Conv(4, 3), "MaxPool2d" => Pool(2), _ => Layer(BatchNormLayer.TwoD) };
        ModelPlan plan = Infer(new[] { 1, 8, 8 }, Layer(FlattenLayer.Instance), layer);
        Assert.Equal(ProblemKind.RankMismatch, Assert.Single(plan.Problems).Kind);
    }

    [Theory]
    [InlineData(0, 1, 0, 1, "the kernel size must be positive, got 0")]
    [InlineData(3, 0, 0, 1, "the stride must be positive, got 0")]
    [InlineData(3, 1, -1, 1, "the padding must be zero or positive, got -1")]
    [InlineData(3, 1, 0, 0, "the dilation must be positive, got 0")]
    public void InvalidConvolutionArgumentsAreReported(int f, int s, int p, int d, string expected)
    {
        ModelPlan plan = Infer(new[] { 1, 8, 8 }, Conv(4, f, p, s, d));
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal(ProblemKind.InvalidArgument, problem.Kind);
        Assert.EndsWith(expected, problem.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void DropoutOutsideZeroToOneIsInvalid(double p)
    {
        ModelPlan plan = Infer(new[] { 4 }, new DropoutLayer.Spec("Dropout", p));
        Assert.Equal(ProblemKind.InvalidArgument, Assert.Single(plan.Problems).Kind);
    }

    [Fact]
    public void PoolStrideDefaultsAreTheReadersJobAndPaddingIsAtMostHalfTheWindow()
    {
        var pool = new PoolLayer.Spec(PoolLayer.Max2d, "MaxPool2d(2, Padding = 2)", Pair.Square(2), Pair.Square(2), Pair.Square(2));
        ModelPlan plan = Infer(new[] { 1, 8, 8 }, pool);
        Assert.Contains("padding must be at most half the window", Assert.Single(plan.Problems).Message);
    }

    [Fact]
    public void FieldNamesAreNumberedPerPrefixInSourceOrder()
    {
        ModelPlan plan = Infer(
            new[] { 1, 8, 8 },
            Conv(2, 3), Layer(BatchNormLayer.TwoD), Layer(ActivationLayer.ReLU), Conv(2, 3), Layer(ActivationLayer.ReLU), Layer(FlattenLayer.Instance), Layer(BatchNormLayer.OneD), Dense(3));
        Assert.Equal(
            new[] { "conv1", "bn1", "relu1", "conv2", "relu2", "flatten1", "bn2", "fc1" },
            plan.Layers.Select(l => l.FieldName).ToArray());
    }

    [Fact]
    public void HostileSizesNeverThrow()
    {
        ModelPlan huge = Infer(new[] { int.MaxValue, int.MaxValue, int.MaxValue }, Layer(FlattenLayer.Instance));
        Assert.Equal(ProblemKind.InvalidArgument, Assert.Single(huge.Problems).Kind);

        ModelPlan padded = Infer(new[] { 1, 8, 8 }, Conv(1, 1, p: int.MaxValue));
        Assert.True(padded.HasErrors);

        ModelPlan wide = Infer(new[] { int.MaxValue }, Dense(int.MaxValue));
        Assert.Equal((long)int.MaxValue * int.MaxValue + int.MaxValue, wide.TotalParameters);
    }

    [Fact]
    public void LossAndOptimizerWithoutParametersGiveNoTrainingStep()
    {
        var spec = new ModelSpec(
            "Net",
            new EquatableArray<int>(new[] { 4 }),
            new EquatableArray<LayerSpec>(new[] { Layer(ActivationLayer.ReLU) }),
            new LossSpec(LossKindSpec.MSE, "Loss(LossKind.MSE)"),
            new OptimizerSpec(OptimizerKindSpec.SGD, "Optimizer(OptimizerKind.SGD)", 0.01, 0, 0));
        ModelPlan plan = ShapeInference.Infer(spec);
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal((ProblemKind.NothingToTrain, ProblemTarget.Optimizer, false), (problem.Kind, problem.Target, problem.IsError));
        Assert.False(plan.HasTraining);

        ModelPlan trainable = ShapeInference.Infer(spec with { Layers = new EquatableArray<LayerSpec>(new[] { Dense(1) }) });
        Assert.Empty(trainable.Problems);
        Assert.True(trainable.HasTraining);
    }

    [Fact]
    public void NoLayersIsReportedOnTheModel()
    {
        ModelPlan plan = Infer(new[] { 4 });
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal((ProblemKind.NoLayers, ProblemTarget.Model), (problem.Kind, problem.Target));
    }

    [Fact]
    public void CountsBeyondParametersFollowTorchinfo()
    {
        // torchinfo's SingleInputNet on 1×28×28 (Dropout stands in for Dropout2d: neither has parameters).
        ModelPlan plan = Infer(
            new[] { 1, 28, 28 },
            Conv(10, 5), Pool(2), Layer(ActivationLayer.ReLU), Conv(20, 5), Layer(DropoutLayer.Instance), Pool(2), Layer(ActivationLayer.ReLU),
            Layer(FlattenLayer.Instance), Dense(50), Layer(ActivationLayer.ReLU), Layer(DropoutLayer.Instance), Dense(10));

        // Params: conv1 10·1·25 + 10 = 260; conv2 20·10·25 + 20 = 5,020; fc1 320·50 + 50 = 16,050; fc2 50·10 + 10 = 510.
        Assert.Equal(21840, plan.TotalParameters);

        // Mult-adds: conv params × output positions (24·24, 8·8), linear params × 1 row.
        Assert.Equal((260 * 576) + (5020 * 64) + 16050 + 510, plan.TotalMultAdds);
        Assert.Equal(487600, plan.TotalMultAdds);
        Assert.Equal((250 * 576) + (5000 * 64) + 16000 + 500, plan.TotalWeightMultAdds);

        // Forward/backward: 2 × 4 bytes × outputs of the layers with parameters (10·24·24 + 20·8·8 + 50 + 10).
        Assert.Equal(56800, plan.ForwardBackwardBytes);
        Assert.Equal(21840 * 4, plan.ParameterBytes);
        Assert.Equal(0, plan.BufferBytes);
    }

    [Fact]
    public void LinearActsOnEachPositionOfASequence()
    {
        // torchinfo's Linear(8 → 64) on a 16×8 input: 8·64 + 64 = 576 parameters, used on 16 rows: 9,216 mult-adds.
        ModelPlan plan = Infer(new[] { 16, 8 }, Dense(64));
        Assert.Empty(plan.Problems);
        Assert.Equal(new[] { 16, 64 }, plan.OutputShape.ToArray());
        Assert.Equal(576, plan.TotalParameters);
        Assert.Equal(9216, plan.TotalMultAdds);
        Assert.Equal(16 * 512, plan.TotalWeightMultAdds);
    }

    [Fact]
    public void LinearAfterAChannelsFirstSequenceStillNeedsFlatten()
    {
        // BatchNorm1d reads a 2-D input as C×L, so the last dimension is positions, not features.
        ModelPlan plan = Infer(new[] { 4, 10 }, Layer(BatchNormLayer.OneD), Layer(ActivationLayer.ReLU), Dense(3));
        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal((ProblemKind.LinearNeedsFlatten, 2), (problem.Kind, problem.LayerIndex));
        Assert.Contains("produce 4×3", problem.Message);
    }

    [Fact]
    public void BatchNormStatisticsAreBuffersAndItsMultAddsAreItsParameters()
    {
        ModelPlan plan = Infer(new[] { 3, 5, 5 }, Layer(BatchNormLayer.TwoD));
        Assert.Equal(6, plan.TotalParameters);
        Assert.Equal(6, plan.TotalBuffers);
        Assert.Equal(6, plan.TotalMultAdds);
        Assert.Equal(0, plan.TotalWeightMultAdds);
        Assert.Equal(24, plan.BufferBytes);
        Assert.Equal(2 * 4 * 75, plan.ForwardBackwardBytes);
    }

    [Fact]
    public void TrainingMemoryAddsGradientsOptimizerStateAndTheBatchActivations()
    {
        ModelPlan plan = Infer(new[] { 4 }, Dense(3));

        // 15 parameters = 60 bytes; Adam: weights + gradients + 2 moments = 4 × 60; activations 2·4·3 = 24 per sample.
        Assert.Equal((4 * 60) + (24 * 32), MemoryRules.TrainingBytes(plan, batchSize: 32, optimizerStateCopies: 2));
    }

    private static ModelPlan Infer(int[] input, params LayerSpec[] layers) =>
        ShapeInference.Infer(new ModelSpec("Net", new EquatableArray<int>(input), new EquatableArray<LayerSpec>(layers), null, null));

    private static LayerSpec Conv(int outChannels, int f, int p = 0, int s = 1, int d = 1) =>
        new ConvLayer.Spec(ConvLayer.TwoD, $"Conv2d({outChannels}, Kernel = {f})", outChannels, Pair.Square(f), Pair.Square(s), Pair.Square(p), Pair.Square(d), Bias: true);

    private static LayerSpec Pool(int f) =>
        new PoolLayer.Spec(PoolLayer.Max2d, $"MaxPool2d({f})", Pair.Square(f), Pair.Square(f), Pair.Square(0));

    private static LayerSpec Dense(int size) => new LinearLayer.Spec($"Linear({size})", size, Bias: true);

    /// <summary>A layer with its attribute's defaults, as the reader builds it from a bare attribute.</summary>
    private static LayerSpec Layer(LayerEntry entry) =>
        entry.Read(new DeclaredArguments(entry.Name, System.Array.Empty<object?>(), System.Array.Empty<System.Collections.Generic.KeyValuePair<string, object?>>()));
}

using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;
using Xunit;

namespace ModelGen.Generator.Tests.Domain;

/// <summary>
/// Shape rules, counts and traits of the normalization, noise and activation kinds, with the
/// expected numbers worked out from the formulas: BatchNorm 2·C parameters and 2·C buffers,
/// LayerNorm 2·E (E the normalized elements), GroupNorm 2·C, InstanceNorm2d 2·C when affine and 2·C
/// buffers when tracked, PReLU 1 or C; Maxout S → S/k; mult-adds of a layer with parameters that is
/// neither a convolution nor a linear map = its parameters.
/// </summary>
public sealed class NormalizationActivationRulesTests
{
    [Fact]
    public void BatchNorm3dKeepsTheVolumeAndCountsTwoPerChannel()
    {
        LayerPlan layer = Single(new[] { 4, 3, 5, 5 }, Layer(BatchNormLayer.ThreeD));
        Assert.Equal(new[] { 4, 3, 5, 5 }, layer.OutputShape.ToArray());
        Assert.Equal(new LayerCounts(8, 8, 8, 0), layer.Counts);
        Assert.True(layer.ChannelsFirst);
    }

    [Theory]
    // input, NormalizedDims, ElementwiseAffine, Bias → parameters
    [InlineData(new[] { 16, 8 }, 1, true, true, 16)]         // 2·8
    [InlineData(new[] { 16, 8 }, 2, true, true, 256)]        // 2·16·8
    [InlineData(new[] { 3, 4, 5 }, 3, true, true, 120)]      // 2·3·4·5
    [InlineData(new[] { 3, 4, 5 }, 2, true, false, 20)]      // 4·5
    [InlineData(new[] { 64 }, 1, false, true, 0)]            // no affine
    public void LayerNormCountsItsNormalizedElements(int[] input, int dims, bool affine, bool bias, long parameters)
    {
        LayerPlan layer = Single(input, Layer(LayerNormLayer.Instance, ("NormalizedDims", dims), ("ElementwiseAffine", affine), ("Bias", bias)));
        Assert.Equal(input, layer.OutputShape.ToArray());
        Assert.Equal(LayerCounts.Elementwise(parameters), layer.Counts);
    }

    [Fact]
    public void LayerNormOverMoreDimensionsThanTheInputIsARankMismatch()
    {
        ModelProblem problem = Assert.Single(Infer(new[] { 16, 8 }, Layer(LayerNormLayer.Instance, ("NormalizedDims", 3))).Problems);
        Assert.Equal(ProblemKind.RankMismatch, problem.Kind);
    }

    [Theory]
    // C×H×W, groups, affine → parameters
    [InlineData(6, 3, true, 12)]   // 2·6
    [InlineData(6, 6, true, 12)]   // one channel per group
    [InlineData(6, 1, false, 0)]
    public void GroupNormCountsTwoPerChannelWhenAffine(int channels, int groups, bool affine, long parameters)
    {
        LayerPlan layer = Single(new[] { channels, 4, 4 }, Layer(GroupNormLayer.Instance, positional: groups, ("Affine", affine)));
        Assert.Equal(new[] { channels, 4, 4 }, layer.OutputShape.ToArray());
        Assert.Equal(LayerCounts.Elementwise(parameters), layer.Counts);
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(7, 2)]
    [InlineData(3, 6)]
    public void GroupsThatDoNotDivideTheChannelsAreInvalid(int channels, int groups)
    {
        ModelProblem problem = Assert.Single(Infer(new[] { channels, 4, 4 }, Layer(GroupNormLayer.Instance, positional: groups)).Problems);
        Assert.Equal(ProblemKind.InvalidArgument, problem.Kind);
    }

    [Theory]
    // Affine, TrackRunningStats → parameters, buffers for 3 channels
    [InlineData(false, false, 0, 0)]
    [InlineData(true, false, 6, 0)]
    [InlineData(false, true, 0, 6)]
    [InlineData(true, true, 6, 6)]
    public void InstanceNorm2dCountsOnlyWhatIsSwitchedOn(bool affine, bool track, long parameters, long buffers)
    {
        LayerPlan layer = Single(new[] { 3, 5, 5 }, Layer(InstanceNorm2dLayer.Instance, ("Affine", affine), ("TrackRunningStats", track)));
        Assert.Equal(new LayerCounts(parameters, buffers, parameters, 0), layer.Counts);
    }

    [Theory]
    [InlineData(new[] { 4, 3, 3 }, 1, 1)]
    [InlineData(new[] { 4, 3, 3 }, 4, 4)]   // one per channel
    [InlineData(new[] { 6 }, 6, 6)]         // one per feature of a flat input
    public void PReLUHasOneSlopeOrOnePerChannel(int[] input, int numParameters, long parameters)
    {
        LayerPlan layer = Single(input, Layer(PReLULayer.Instance, ("NumParameters", numParameters)));
        Assert.Equal(input, layer.OutputShape.ToArray());
        Assert.Equal(LayerCounts.Elementwise(parameters), layer.Counts);
    }

    [Fact]
    public void PReLUWithACountThatIsNeitherOneNorTheChannelsIsInvalid()
    {
        ModelProblem problem = Assert.Single(Infer(new[] { 4, 3, 3 }, Layer(PReLULayer.Instance, ("NumParameters", 3))).Problems);
        Assert.Equal(ProblemKind.InvalidArgument, problem.Kind);
    }

    [Theory]
    // input, k → output: the features of F, the channels of C×H×W, the features of each position of L×F
    [InlineData(new[] { 12 }, 3, new[] { 4 })]
    [InlineData(new[] { 6, 4, 4 }, 2, new[] { 3, 4, 4 })]
    [InlineData(new[] { 5, 8 }, 4, new[] { 5, 2 })]
    [InlineData(new[] { 7 }, 1, new[] { 7 })]
    public void MaxoutDividesThePiecedDimension(int[] input, int pieces, int[] output)
    {
        LayerPlan layer = Single(input, Layer(MaxoutLayer.Instance, positional: pieces));
        Assert.Equal(output, layer.OutputShape.ToArray());
        Assert.Equal(LayerCounts.None, layer.Counts);
    }

    [Fact]
    public void MaxoutAfterLinearTakesTheMaximumOfItsPieces()
    {
        // Linear(12) on 10: 10·12 + 12 = 132 parameters; Maxout(3): 12 → 4; Linear(2): 4·2 + 2 = 10.
        ModelPlan plan = Infer(new[] { 10 }, new LinearLayer.Spec("Linear(12)", 12, true), Layer(MaxoutLayer.Instance, positional: 3), new LinearLayer.Spec("Linear(2)", 2, true));
        Assert.Equal(new[] { 12, 4, 2 }, plan.Layers.Select(l => l.OutputShape[0]).ToArray());
        Assert.Equal(142, plan.TotalParameters);
        Assert.Equal(4, plan.Layers[2].InFeatures);
    }

    [Theory]
    [InlineData(new[] { 16 }, 3)]
    [InlineData(new[] { 6, 4, 4 }, 4)]   // the channels (6) are pieced, though 4 divides the width
    [InlineData(new[] { 8, 6 }, 4)]      // the features (6) are pieced, though 4 divides the length
    public void MaxoutPiecesThatDoNotDivideAreInvalid(int[] input, int pieces)
    {
        ModelProblem problem = Assert.Single(Infer(input, Layer(MaxoutLayer.Instance, positional: pieces)).Problems);
        Assert.Equal(ProblemKind.InvalidArgument, problem.Kind);
    }

    [Theory]
    [InlineData(new[] { 4, 6, 6 }, "dim: 1")]   // channels
    [InlineData(new[] { 12 }, "dim: 1")]        // features
    [InlineData(new[] { 5, 8 }, "dim: 2")]      // features of each position: N×L×F, dimension 2
    public void MaxoutIsCreatedOverThePiecedDimension(int[] input, string dim)
    {
        LayerPlan layer = Single(input, Layer(MaxoutLayer.Instance, positional: 2));
        Assert.Equal($"new global::ModelGen.Layers.Maxout(pieces: 2, {dim})", layer.Entry.Factory(layer));
    }

    [Fact]
    public void FactoriesPassTheDeclaredArguments()
    {
        Assert.Equal(
            "global::TorchSharp.torch.nn.LayerNorm(normalized_shape: new long[] { 3, 4, 5 }, eps: 1E-06, elementwise_affine: true, bias: false)",
            Factory(new[] { 3, 4, 5 }, Layer(LayerNormLayer.Instance, ("NormalizedDims", 3), ("Eps", 1e-6), ("Bias", false))));
        Assert.Equal(
            "global::ModelGen.Layers.InitializedGroupNorm.Create(num_groups: 2, num_channels: 6, eps: 1E-05, affine: true)",
            Factory(new[] { 6, 4, 4 }, Layer(GroupNormLayer.Instance, positional: 2)));
        Assert.Equal(
            "global::TorchSharp.torch.nn.InstanceNorm2d(num_features: 3, eps: 1E-05, momentum: 0.1, affine: false, track_running_stats: false)",
            Factory(new[] { 3, 5, 5 }, Layer(InstanceNorm2dLayer.Instance)));
        Assert.Equal("global::TorchSharp.torch.nn.BatchNorm3d(num_features: 2, eps: 1E-05, momentum: 0.1)", Factory(new[] { 2, 3, 4, 5 }, Layer(BatchNormLayer.ThreeD)));
        Assert.Equal("global::TorchSharp.torch.nn.PReLU(num_parameters: 4, init: 0.25)", Factory(new[] { 4, 2, 2 }, Layer(PReLULayer.Instance, ("NumParameters", 4))));
        Assert.Equal("global::TorchSharp.torch.nn.GELU(approximate: global::TorchSharp.Modules.GELU.Approximate.tanh)", Factory(new[] { 5 }, Layer(GELULayer.Instance, ("Approximate", GELULayer.Tanh))));
        Assert.Equal("global::TorchSharp.torch.nn.GELU(approximate: global::TorchSharp.Modules.GELU.Approximate.none)", Factory(new[] { 5 }, Layer(GELULayer.Instance)));
        Assert.Equal("global::TorchSharp.torch.nn.Softplus(beta: 2.0, threshold: 20.0)", Factory(new[] { 5 }, Layer(SoftplusLayer.Instance, ("Beta", 2.0))));
        Assert.Equal("global::TorchSharp.torch.nn.ELU(alpha: 1.0)", Factory(new[] { 5 }, Layer(ELULayer.Instance)));
        Assert.Equal("new global::ModelGen.Layers.Hardtanh(minVal: -2.0, maxVal: 0.5)", Factory(new[] { 5 }, Layer(HardtanhLayer.Instance, ("MinVal", -2.0), ("MaxVal", 0.5))));
        Assert.Equal("new global::ModelGen.Layers.GaussianNoise(std: 0.1)", Factory(new[] { 5 }, Layer(GaussianNoiseLayer.Instance, positional: 0.1)));
        Assert.Equal("new global::ModelGen.Layers.BinaryStep(valueAtZero: 1.0)", Factory(new[] { 5 }, Layer(BinaryStepLayer.Instance)));
        Assert.Equal("global::TorchSharp.torch.nn.Dropout2d(p: 0.5)", Factory(new[] { 2, 3, 3 }, Layer(Dropout2dLayer.Instance)));
        Assert.Equal("global::TorchSharp.torch.nn.AlphaDropout(p: 0.5)", Factory(new[] { 5 }, Layer(AlphaDropoutLayer.Instance)));
        Assert.Equal("global::TorchSharp.torch.nn.SELU()", Factory(new[] { 5 }, Layer(ActivationLayer.SELU)));
    }

    [Fact]
    public void GeluApproximateValuesMirrorTheRuntimeEnum()
    {
        // The reader hands enum arguments over as their int value.
        Assert.Equal(GELULayer.None, (int)GeluApproximate.None);
        Assert.Equal(GELULayer.Tanh, (int)GeluApproximate.Tanh);
        Assert.Equal(2, System.Enum.GetValues<GeluApproximate>().Length);
    }

    [Fact]
    public void TraitsSayWhatEachKindIs()
    {
        LayerEntry[] activations =
        {
            BinaryStepLayer.Instance, PReLULayer.Instance, ELULayer.Instance, ActivationLayer.SELU, GELULayer.Instance,
            ActivationLayer.SiLU, SoftplusLayer.Instance, ActivationLayer.Mish, HardtanhLayer.Instance, MaxoutLayer.Instance,
        };
        Assert.All(activations, entry => Assert.True(entry.Has(LayerTraits.Activation), entry.Name));
        // Batch and instance norm subtract a per-channel mean, which cancels a bias on that channel;
        // layer norm and group norm (several channels per group) do not.
        Assert.All(
            new LayerEntry[] { BatchNormLayer.ThreeD, InstanceNorm2dLayer.Instance },
            entry => Assert.Equal(LayerTraits.Normalizes | LayerTraits.CancelsChannelBias, entry.Traits));
        Assert.All(
            new LayerEntry[] { LayerNormLayer.Instance, GroupNormLayer.Instance },
            entry => Assert.Equal(LayerTraits.Normalizes, entry.Traits));
        Assert.All(
            new LayerEntry[] { Dropout2dLayer.Instance, AlphaDropoutLayer.Instance, GaussianNoiseLayer.Instance },
            entry => Assert.Equal(LayerTraits.TrainingOnly, entry.Traits));
        Assert.Equal(LayerTraits.Activation | LayerTraits.NoGradient, BinaryStepLayer.Instance.Traits);
        Assert.DoesNotContain(LayerCatalog.Entries, entry => entry.Has(LayerTraits.NoGradient) && entry != BinaryStepLayer.Instance);
    }

    [Fact]
    public void ANewEntryKeepsTheCatalogOrderOfItsFamily()
    {
        string[] names = LayerCatalog.Entries.Select(entry => entry.Name).ToArray();
        int Index(string name) => System.Array.IndexOf(names, name);

        Assert.True(Index("BatchNorm2d") < Index("BatchNorm3d") && Index("BatchNorm3d") < Index("LayerNorm"));
        Assert.True(Index("Dropout") < Index("Dropout2d"));
        Assert.True(Index("GaussianNoise") < Index("BinaryStep") && Index("BinaryStep") < Index("ReLU"));
        Assert.True(Index("LogSoftmax") < Index("Maxout"));
    }

    [Fact]
    public void HostileSizesSaturateInsteadOfWrapping()
    {
        // LayerNorm over 2³¹ − 1 × 2³¹ − 1 elements: 2·(2³¹ − 1)² fits in a long; no exception, no wrap.
        LayerPlan layer = Single(new[] { int.MaxValue, int.MaxValue }, Layer(LayerNormLayer.Instance, ("NormalizedDims", 2)));
        Assert.Equal(2L * int.MaxValue * int.MaxValue, layer.Parameters);

        // GroupNorm(int.MaxValue) on int.MaxValue channels: one channel per group, 2·(2³¹ − 1).
        LayerPlan groups = Single(new[] { int.MaxValue, 1 }, Layer(GroupNormLayer.Instance, positional: int.MaxValue));
        Assert.Equal(2L * int.MaxValue, groups.Parameters);
    }

    private static LayerPlan Single(int[] input, LayerSpec layer)
    {
        ModelPlan plan = Infer(input, layer);
        Assert.Empty(plan.Problems);
        return Assert.Single(plan.Layers);
    }

    private static string Factory(int[] input, LayerSpec layer)
    {
        LayerPlan plan = Single(input, layer);
        return plan.Entry.Factory(plan);
    }

    private static ModelPlan Infer(int[] input, params LayerSpec[] layers) =>
        ShapeInference.Infer(new ModelSpec("Net", new EquatableArray<int>(input), new EquatableArray<LayerSpec>(layers), null, null));

    /// <summary>A layer as the reader builds it from the attribute's arguments (defaults for the rest).</summary>
    private static LayerSpec Layer(LayerEntry entry, params (string Name, object Value)[] named) =>
        entry.Read(new DeclaredArguments(
            entry.Name,
            System.Array.Empty<object?>(),
            named.Select(pair => new KeyValuePair<string, object?>(pair.Name, pair.Value)).ToArray()));

    private static LayerSpec Layer(LayerEntry entry, object positional, params (string Name, object Value)[] named) =>
        entry.Read(new DeclaredArguments(
            entry.Name,
            new[] { positional },
            named.Select(pair => new KeyValuePair<string, object?>(pair.Name, pair.Value)).ToArray()));
}

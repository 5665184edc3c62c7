using System.Linq;
using ModelGen.Domain;
using Xunit;

namespace ModelGen.Generator.Tests.Domain;

/// <summary>
/// Shape rules and formulas of the sequence kinds, with numbers worked out by hand from PyTorch's
/// layout: per recurrent layer and direction G·H·in + G·H·H + 2·G·H (G = 1 RNN, 4 LSTM, 3 GRU;
/// in = F, then D·H); attention 4·E² + 4·E; encoder layer 4·E² + 4·E + 2·E·F + F + E + 4·E;
/// Embedding V·D. A symbolic length is -1 in a shape and counts as 1 (per position).
/// </summary>
public sealed class SequenceShapeTests
{
    private const int L = Shape.Symbolic;

    [Fact]
    public void Lstm_300_512_two_layers_has_3768320_parameters()
    {
        ModelPlan plan = Infer(new[] { L, 300 }, null, Recurrent(RecurrentLayer.Lstm, 512, layers: 2));

        // layer 1: 2048·300 + 2048·512 + 2·2048 = 1,667,072; layer 2: 2048·512 + 2048·512 + 4096 = 2,101,248
        Assert.Equal(3_768_320, plan.TotalParameters);
        Assert.Equal(new[] { L, 512 }, plan.OutputShape.ToArray());
        Assert.Equal("L×512", Shape.Format(plan.OutputShape, "L"));
    }

    [Fact]
    public void Lstm_net_has_3784580_parameters()
    {
        ModelPlan plan = Infer(
            new[] { L }, InputKindSpec.TokenIds,
            new EmbeddingLayer.Spec("Embedding(20, 300)", 20, 300, null),
            Recurrent(RecurrentLayer.Lstm, 512, layers: 2),
            new LinearLayer.Spec("Linear(20)", 20, Bias: true));

        // 20·300 = 6,000; 3,768,320; 512·20 + 20 = 10,260
        Assert.Equal(new long[] { 6_000, 3_768_320, 10_260 }, plan.Layers.Select(layer => layer.Parameters).ToArray());
        Assert.Equal(3_784_580, plan.TotalParameters);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Recurrent_mult_adds_are_parameters_times_the_length()
    {
        ModelPlan fixedLength = Infer(new[] { 35, 300 }, null, Recurrent(RecurrentLayer.Lstm, 512, layers: 2));
        ModelPlan symbolic = Infer(new[] { L, 300 }, null, Recurrent(RecurrentLayer.Lstm, 512, layers: 2));

        Assert.Equal(3_768_320L * 35, fixedLength.TotalMultAdds);
        Assert.Equal(3_768_320L, symbolic.TotalMultAdds); // per position: L = 1
        Assert.Equal(0, symbolic.TotalWeightMultAdds);
        Assert.Equal(2L * 512 * 4, symbolic.ForwardBackwardBytes); // the L×512 output at L = 1, twice, float32
    }

    [Theory]
    // kind, F, H, layers, bidirectional, bias → parameters (by hand)
    [InlineData("RNN", 3, 4, 1, false, true, 36)]      // 4·3 + 4·4 + 2·4
    [InlineData("RNN", 3, 4, 1, true, true, 72)]       // two directions
    [InlineData("GRU", 6, 5, 1, false, false, 165)]    // 15·6 + 15·5
    [InlineData("GRU", 3, 4, 3, false, true, 348)]     // (36 + 48 + 24) + 2·(48 + 48 + 24)
    [InlineData("LSTM", 4, 3, 2, true, true, 480)]     // 2·((48 + 36 + 24) + (72 + 36 + 24))
    [InlineData("LSTM", 1, 1, 1, false, true, 16)]     // the scalar LSTM of the notes has 12 (one bias per gate); PyTorch 16
    public void Recurrent_parameters_follow_PyTorchs_layout(string kind, int f, int h, int layers, bool bidirectional, bool bias, long expected)
    {
        RecurrentLayer entry = kind switch { "RNN" => RecurrentLayer.Rnn, "GRU" => RecurrentLayer.Gru, _ => RecurrentLayer.Lstm };
        ModelPlan plan = Infer(new[] { 7, f }, null, Recurrent(entry, h, layers, bidirectional, bias));

        Assert.Equal(expected, plan.TotalParameters);
        Assert.Equal(new[] { 7, (bidirectional ? 2 : 1) * h }, plan.OutputShape.ToArray());
    }

    [Fact]
    public void Last_step_returns_the_directions_states()
    {
        ModelPlan plan = Infer(new[] { L, 4 }, null, Recurrent(RecurrentLayer.Gru, 3, bidirectional: true, returnSequences: false), new LinearLayer.Spec("Linear(2)", 2, true));

        Assert.Equal(new[] { 6 }, plan.Layers[0].OutputShape.ToArray());
        Assert.Equal(new[] { 2 }, plan.OutputShape.ToArray());
        Assert.Equal(6 * 2 + 2, plan.Layers[1].Parameters);
    }

    [Fact]
    public void Attention_and_encoder_keep_the_sequence_and_count_their_projections()
    {
        ModelPlan plan = Infer(
            new[] { 5, 8 }, null,
            new PositionalEncodingLayer.Spec("PositionalEncoding"),
            new MultiheadAttentionLayer.Spec("MultiheadAttention(2)", 2, 0, Bias: true),
            new TransformerEncoderLayerEntry.Spec("TransformerEncoderLayer(4, DimFeedforward = 16)", 4, 16, 0.1, 0, NormFirst: false));

        Assert.Equal(new long[] { 0, 288, 600 }, plan.Layers.Select(layer => layer.Parameters).ToArray());
        Assert.Equal(new[] { 5, 8 }, plan.OutputShape.ToArray());

        // Every parameter once per position (5): 288·5 and 600·5; weights only: 256·5 and (256 + 256)·5.
        Assert.Equal(new long[] { 0, 1_440, 3_000 }, plan.Layers.Select(layer => layer.Counts.MultAdds).ToArray());
        Assert.Equal(new long[] { 0, 1_280, 2_560 }, plan.Layers.Select(layer => layer.Counts.WeightMultAdds).ToArray());
    }

    [Fact]
    public void Heads_that_do_not_divide_the_embedding_are_reported()
    {
        ModelPlan plan = Infer(new[] { L, 10 }, null, new MultiheadAttentionLayer.Spec("MultiheadAttention(4)", 4, 0, true));

        ModelProblem problem = Assert.Single(plan.Problems);
        Assert.Equal(ProblemKind.InvalidArgument, problem.Kind);
        Assert.Equal("MultiheadAttention(4): 4 heads do not divide the embedding size 10 (the model input is L×10); each head takes E / heads dimensions, so pick a divisor of 10 such as 1, 2, 5, 10", problem.Message);
    }

    [Fact]
    public void Symbolic_length_reaches_only_layers_that_take_it()
    {
        ModelPlan plan = Infer(new[] { L, 8 }, null, new LinearLayer.Spec("Linear(4)", 4, true), new ActivationLayer.Spec(ActivationLayer.ReLU, "ReLU"), Layer(FlattenLayer.Instance));

        Assert.Equal(2, plan.Layers.Count);
        Assert.Equal(new[] { L, 4 }, plan.Layers[1].OutputShape.ToArray());
        Assert.Equal(ProblemKind.SymbolicLength, Assert.Single(plan.Problems).Kind);
    }

    [Fact]
    public void Token_ids_reach_only_Embedding()
    {
        ModelPlan plan = Infer(new[] { 12 }, InputKindSpec.TokenIds, new LinearLayer.Spec("Linear(4)", 4, true));
        Assert.Equal(ProblemKind.InputKindMismatch, Assert.Single(plan.Problems).Kind);

        ModelPlan embedded = Infer(new[] { 12 }, InputKindSpec.TokenIds, new EmbeddingLayer.Spec("Embedding(10, 4)", 10, 4, -1));
        Assert.Equal(new[] { 12, 4 }, embedded.OutputShape.ToArray());
        Assert.Equal(40, embedded.TotalParameters);
    }

    [Fact]
    public void Hostile_sizes_saturate_instead_of_wrapping()
    {
        ModelPlan plan = Infer(new[] { L, int.MaxValue }, null, Recurrent(RecurrentLayer.Lstm, int.MaxValue, layers: int.MaxValue, bidirectional: true));
        Assert.Contains(plan.Problems, problem => problem.Kind == ProblemKind.InvalidArgument);
    }

    [Fact]
    public void PositionWiseLayersTakeASymbolicLengthAndWholeSequenceNormalizationDoesNot()
    {
        // LayerNorm over the last dimension and Identity work position by position: L stays symbolic.
        ModelPlan plan = Infer(new[] { L, 16 }, null, Layer(LayerNormLayer.Instance), Layer(IdentityLayer.Instance));
        Assert.Empty(plan.Problems);
        Assert.Equal(new[] { L, 16 }, plan.OutputShape.ToArray());
        Assert.Equal(2 * 16, plan.TotalParameters);

        // Normalizing the last two dimensions would need L as a size.
        var both = (LayerNormLayer.Spec)Layer(LayerNormLayer.Instance) with { NormalizedDims = 2 };
        ModelProblem problem = Assert.Single(Infer(new[] { L, 16 }, null, both).Problems);
        Assert.Equal(ProblemKind.SymbolicLength, problem.Kind);
    }

    private static ModelPlan Infer(int[] input, InputKindSpec? kind, params LayerSpec[] layers) =>
        ShapeInference.Infer(new ModelSpec("Net", new EquatableArray<int>(input), new EquatableArray<LayerSpec>(layers), null, null)
        {
            Input = kind ?? InputKindSpec.Float,
            SequenceLength = input.Length > 0 && input[0] == L ? "L" : null,
        });

    private static LayerSpec Recurrent(RecurrentLayer entry, int hidden, int layers = 1, bool bidirectional = false, bool bias = true, bool returnSequences = true) =>
        new RecurrentLayer.Spec(entry, $"{entry.Name}({hidden})", hidden, layers, bias, bidirectional, 0, returnSequences, 0);

    private static LayerSpec Layer(LayerEntry entry) => entry.Read(new DeclaredArguments(entry.Name, new object?[0], new System.Collections.Generic.KeyValuePair<string, object?>[0]));
}

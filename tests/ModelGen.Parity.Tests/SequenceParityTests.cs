using System;
using System.Linq;
using ModelGen.Layers;
using ModelGen.Parity.Tests.Models;
using ModelGen.Samples.Zoo;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>The sequence kinds (Embedding, RNN, LSTM, GRU, PositionalEncoding, attention): generated constants against TorchSharp.</summary>
    public sealed class SequenceParityTests
    {
        /// <summary>Each model, its vocabulary (0: float input) and its output shape by the formula (AnyLength = -1 for the symbolic length; see the models' comments).</summary>
        public static TheoryData<Type, long, long[], long> Models => new()
        {
            { typeof(EmbeddingOnly), 20, new long[] { -1, 8 }, 160 },
            { typeof(EmbeddingPadding), 10, new long[] { 12, 4 }, 40 },
            { typeof(LstmOnSequence), 0, new long[] { -1, 5 }, 260 },
            { typeof(Lstm300x512x2), 0, new long[] { -1, 512 }, 3_768_320 },
            { typeof(LstmNet), 20, new long[] { -1, 20 }, 3_784_580 },
            { typeof(LstmLastStep), 0, new long[] { 5 }, 260 },
            { typeof(LstmBidirectionalStacked), 0, new long[] { -1, 6 }, 480 },
            { typeof(LstmBidirectionalLast), 0, new long[] { 6 }, 216 },
            { typeof(GruNoBias), 0, new long[] { -1, 5 }, 165 },
            { typeof(GruStackedLast), 0, new long[] { 4 }, 348 },
            { typeof(RnnTanh), 0, new long[] { -1, 4 }, 36 },
            { typeof(RnnReluBidirectionalLast), 0, new long[] { 8 }, 72 },
            { typeof(PositionalEncodingOnly), 0, new long[] { -1, 6 }, 0 },
            { typeof(AttentionOnly), 0, new long[] { -1, 8 }, 288 },
            { typeof(AttentionWithoutBias), 0, new long[] { 5, 8 }, 256 },
            { typeof(EncoderLayerPostNorm), 0, new long[] { -1, 8 }, 600 },
            { typeof(EncoderLayerPreNormGelu), 0, new long[] { 5, 8 }, 532 },
            { typeof(SequenceStack), 11, new long[] { -1, 3 }, 88 + 288 + 600 + 2 * ((24 * 8) + (24 * 8) + 48) + 51 },
        };

        [Theory]
        [MemberData(nameof(Models))]
        public void Generated_shapes_and_counts_equal_TorchSharp(Type modelType, long vocabulary, long[] formulaOutputShape, long formulaParameters)
        {
            torch.manual_seed(1);
            var model = (IGeneratedModel)Activator.CreateInstance(modelType, new object?[] { null })!;

            Assert.Equal(formulaOutputShape, model.OutputShape);
            Assert.Equal(formulaParameters, model.ParameterCount);
            bool symbolic = Enumerable.Range(0, model.InputShape.Count).Any(model.InputShape.IsAnyLength);
            SequenceParity.AssertMatchesTorch(model, vocabulary, symbolic ? new long[] { 1, 7 } : Array.Empty<long>());
        }

        [Fact]
        public void Published_LSTM_counts_equal_TorchSharp()
        {
            // nn.LSTM(300, 512, num_layers = 2) and Embedding(20, 300) → LSTM(512, 2) → Linear(20), as published.
            Assert.Equal(3_768_320, Lstm300x512x2.ParameterCount);
            Assert.Equal(3_784_580, LstmNet.ParameterCount);
            Assert.Equal(3_768_320, ModelParity.CountParameters(nn.LSTM(300, 512, numLayers: 2)));
            Assert.Equal(3_784_580, ModelParity.CountParameters(new LstmNet()));

            // Per position (L = 1): recurrent mult-adds = parameters; a length-35 batch costs 35 times that.
            Assert.Equal(3_768_320, Lstm300x512x2.MultAdds);
        }

        [Fact]
        public void Symbolic_length_is_printed_by_name()
        {
            Assert.Equal("L×300", Lstm300x512x2.InputShape.ToString());
            Assert.Equal("L×512", Lstm300x512x2.OutputShape.ToString());
            Assert.Equal("T×6", LstmBidirectionalStacked.OutputShape.ToString());
            Assert.Contains("L×512", Lstm300x512x2.Summary, StringComparison.Ordinal);
            Assert.Contains("Model(SequenceLength = \"L\", Input = TokenIds)", LstmNet.Summary, StringComparison.Ordinal);
        }

        [Fact]
        public void Last_step_of_a_bidirectional_LSTM_is_each_direction_final_state()
        {
            torch.manual_seed(3);
            var model = new LstmBidirectionalLast();
            model.eval();
            using Tensor input = randn(2, 5, 4);
            using Tensor last = model.forward(input);
            (Tensor sequence, Tensor h, Tensor c) = model.lstm1.forward(input, null);

            // Forward direction: its output after the last step; backward: its output after reading back to the first.
            Assert.True(last.narrow(1, 0, 3).allclose(sequence.select(1, 4).narrow(1, 0, 3)));
            Assert.True(last.narrow(1, 3, 3).allclose(sequence.select(1, 0).narrow(1, 3, 3)));
        }

        [Fact]
        public void Token_model_refuses_float_input_naming_the_model()
        {
            var model = new LstmNet();
            var error = Assert.Throws<ArgumentException>(() => model.forward(randn(2, 5)));
            Assert.Equal(
                "LstmNet takes token ids (int64) of shape N×L but received a Float32 tensor; pass vocabulary indices as int64, e.g. input.to(torch.int64) (Parameter 'input')",
                error.Message);
        }

        [Fact]
        public void Symbolic_length_accepts_any_length_but_checks_the_features()
        {
            var model = new LstmOnSequence();
            Assert.Equal(new long[] { 2, 1, 5 }, model.forward(randn(2, 1, 6)).shape);
            Assert.Equal(new long[] { 2, 40, 5 }, model.forward(randn(2, 40, 6)).shape);
            var error = Assert.Throws<InputShapeException>(() => model.forward(randn(2, 40, 7)));
            Assert.Equal("LstmOnSequence expects a batch of shape N×L×6 but received 2×40×7. (Parameter 'input')", error.Message);
        }

        [Fact]
        public void Embedding_padding_row_is_the_last_and_zero()
        {
            var model = new EmbeddingPadding();
            using Tensor row = model.embedding1.forward(tensor(new long[] { 9 }));
            Assert.Equal(0f, row.abs().sum().item<float>());
        }

        [Fact]
        public void Positional_encoding_follows_the_formula()
        {
            // PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i + 1) = cos(pos / 10000^(2i/d)), here for d = 7 (odd: the last column is a sine).
            const int length = 9, d = 7;
            using Tensor table = PositionalEncoding.Table(length, d);
            float[] values = table.data<float>().ToArray();
            for (int pos = 0; pos < length; pos++)
            {
                for (int j = 0; j < d; j++)
                {
                    double angle = pos / Math.Pow(10000, (j - (j % 2)) / (double)d);
                    double expected = j % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle);
                    Assert.True(Math.Abs(values[(pos * d) + j] - expected) < 1e-6, $"PE({pos}, {j}) = {values[(pos * d) + j]}, expected {expected}");
                }
            }

            using Tensor x = zeros(2, length, d);
            Assert.True(new PositionalEncoding().forward(x)[1].allclose(table));
        }

        [Fact]
        public void Transformer_layer_has_PyTorchs_state_dict_keys()
        {
            Assert.Equal(
                new[]
                {
                    "encoder1.linear1.bias", "encoder1.linear1.weight", "encoder1.linear2.bias", "encoder1.linear2.weight",
                    "encoder1.norm1.bias", "encoder1.norm1.weight", "encoder1.norm2.bias", "encoder1.norm2.weight",
                    "encoder1.self_attn.in_proj_bias", "encoder1.self_attn.in_proj_weight",
                    "encoder1.self_attn.out_proj.bias", "encoder1.self_attn.out_proj.weight",
                },
                ModelParity.StateDictKeys(new EncoderLayerPostNorm()));
            Assert.Equal(
                new[] { "lstm1.bias_hh_l0", "lstm1.bias_ih_l0", "lstm1.weight_hh_l0", "lstm1.weight_ih_l0" },
                ModelParity.StateDictKeys(new LstmOnSequence()));
        }
    }
}

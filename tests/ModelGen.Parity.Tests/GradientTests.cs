using System;
using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// The generated backward of every kind with a rule against autograd, in float64, relative
    /// error ≤ 1e-8 (batch 1 and an odd batch). Models: Models/GradientModels.cs.
    /// </summary>
    public sealed class GradientTests
    {
        private const double Tolerance = 1e-8;

        private static Tensor Floats(params long[] shape) => torch.randn(shape, dtype: ScalarType.Float64);

        private static Tensor Classes(long n, long k) => torch.randint(0, k, new[] { n }, dtype: ScalarType.Int64);

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        public void Mlp_cross_entropy(int n)
        {
            torch.manual_seed(1);
            using var model = GradientCheck.Float64(new GradMlp());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 64), Classes(n, 10), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        public void Every_activation_mse(int n)
        {
            torch.manual_seed(2);
            using var model = GradientCheck.Float64(new GradActivations());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 6), Floats(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void PReLU_shared_per_channel_and_per_feature_huber(int n)
        {
            torch.manual_seed(3);
            using var model = GradientCheck.Float64(new GradPReLU());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 4, 4), Floats(n, 4), Tolerance);
        }

        [Fact]
        public void Softmax_into_summed_bce()
        {
            torch.manual_seed(4);
            using var model = GradientCheck.Float64(new GradSoftmaxBce());
            GradientCheck.AssertMatchesAutograd(model, Floats(5, 5), torch.rand(5, 6, dtype: ScalarType.Float64), Tolerance);
        }

        [Fact]
        public void LogSoftmax_into_weighted_nll()
        {
            torch.manual_seed(5);
            using var model = GradientCheck.Float64(new GradLogSoftmaxNll());
            GradientCheck.AssertMatchesAutograd(model, Floats(9, 5), Classes(9, 4), Tolerance);
        }

        [Fact]
        public void LogSoftmax_into_kl_divergence()
        {
            torch.manual_seed(6);
            using var model = GradientCheck.Float64(new GradKl());
            GradientCheck.AssertMatchesAutograd(model, Floats(4, 5), torch.rand(4, 4, dtype: ScalarType.Float64).softmax(1), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(6)]
        public void Cross_entropy_with_smoothing_weights_and_penalties(int n)
        {
            torch.manual_seed(7);
            using var model = GradientCheck.Float64(new GradCrossEntropySmoothWeighted());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 6), Classes(n, 4), Tolerance);
        }

        [Fact]
        public void Cross_entropy_with_probability_targets()
        {
            torch.manual_seed(8);
            using var model = GradientCheck.Float64(new GradCrossEntropySmoothWeighted());
            GradientCheck.AssertMatchesAutograd(model, Floats(5, 6), torch.rand(5, 4, dtype: ScalarType.Float64).softmax(1), Tolerance);
        }

        [Fact]
        public void Cross_entropy_summed_with_smoothing()
        {
            torch.manual_seed(9);
            using var model = GradientCheck.Float64(new GradCrossEntropySum());
            GradientCheck.AssertMatchesAutograd(model, Floats(5, 6), Classes(5, 4), Tolerance);
        }

        [Fact]
        public void Bce_with_logits()
        {
            torch.manual_seed(10);
            using var model = GradientCheck.Float64(new GradBceWithLogits());
            GradientCheck.AssertMatchesAutograd(model, Floats(5, 5), torch.rand(5, 3, dtype: ScalarType.Float64), Tolerance);
        }

        [Fact]
        public void Mae_without_bias()
        {
            torch.manual_seed(11);
            using var model = GradientCheck.Float64(new GradMae());
            GradientCheck.AssertMatchesAutograd(model, Floats(5, 5), Floats(5, 3), Tolerance);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(5, false)]
        [InlineData(5, true)]
        public void Shape_kinds_and_dropout_masks(int n, bool eval)
        {
            torch.manual_seed(12);
            using var model = GradientCheck.Float64(new GradShapes());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 3, 4), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 7)]
        public void Linear_on_a_sequence(int n, int length)
        {
            torch.manual_seed(13);
            using var model = GradientCheck.Float64(new GradSequenceLinear());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 5), Floats(n, length, 2), Tolerance);
        }

        [Fact]
        public void Declared_autograd_starts_with_autograd_and_can_switch()
        {
            using var model = new GradDeclaredAutograd();
            Assert.False(model.GeneratedBackward);
            model.GeneratedBackward = true;
            GradientCheck.AssertMatchesAutograd(GradientCheck.Float64(model), Floats(4, 8), Floats(4, 2), Tolerance);
        }

        [Fact]
        public void Train_step_with_the_generated_backward_equals_autograd_step()
        {
            torch.manual_seed(14);
            using var generated = new GradMlp();
            using var autograd = new GradMlp();
            autograd.load_state_dict(generated.state_dict());
            autograd.GeneratedBackward = false;
            Tensor x = torch.randn(16, 64);
            Tensor t = Classes(16, 10);
            for (int step = 0; step < 3; step++)
            {
                float a = generated.TrainStep(x, t);
                float b = autograd.TrainStep(x, t);
                Assert.True(Math.Abs(a - b) < 1e-5, $"step {step}: {a} vs {b}");
            }

            Assert.True((generated.fc1.weight! - autograd.fc1.weight!).abs().max().item<float>() < 1e-5);
        }
    
        [Theory]
        [InlineData(1, false)]
        [InlineData(3, false)]
        [InlineData(3, true)]
        public void Conv2d_stride_padding_dilation_groups_and_pools(int n, bool eval)
        {
            torch.manual_seed(20);
            using var model = GradientCheck.Float64(new GradConv2d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 4, 11, 9), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(5, false)]
        [InlineData(3, true)]
        public void Max_pools_of_eight_and_more_channels_pool_channels_last(int n, bool eval)
        {
            torch.manual_seed(27);
            using var model = GradientCheck.Float64(new GradChannelsLastMaxPool());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 9, 10), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Conv1d_and_1d_pools(int n)
        {
            torch.manual_seed(21);
            using var model = GradientCheck.Float64(new GradConv1d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 17), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(2, false)]
        [InlineData(5, false)]
        [InlineData(1, true)]
        [InlineData(5, true)]
        public void Batch_and_layer_normalization_in_training_and_evaluation(int n, bool eval)
        {
            torch.manual_seed(22);
            using var model = GradientCheck.Float64(new GradNorms());
            if (eval)
            {
                // Non-trivial running statistics first.
                model.train();
                using (torch.no_grad())
                {
                    model.forward(Floats(8, 3, 7, 5));
                }
            }

            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 7, 5), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 9)]
        public void Embedding_rows_accumulate(int n, int length)
        {
            torch.manual_seed(23);
            using var model = GradientCheck.Float64(new GradEmbedding());
            Tensor ids = torch.randint(0, 11, new long[] { n, length }, dtype: ScalarType.Int64);
            GradientCheck.AssertMatchesAutograd(model, ids, Floats(n, length, 3), Tolerance);
        }
    
        // A recurrent layer after an Embedding multiplies the table; ids repeat within and across sequences, the padding id included.
        [Theory]
        [InlineData(1, 1)]
        [InlineData(4, 7)]
        public void Lstm_after_an_embedding_reads_the_table(int n, int length)
        {
            torch.manual_seed(28);
            using var model = GradientCheck.Float64(new GradEmbeddingLstm());
            Tensor ids = torch.randint(0, 13, new long[] { n, length }, dtype: ScalarType.Int64);
            GradientCheck.AssertMatchesAutograd(model, ids, Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1, 2)]
        [InlineData(3, 6)]
        public void Gru_and_rnns_after_an_embedding_read_the_table(int n, int length)
        {
            torch.manual_seed(29);
            using (var gru = GradientCheck.Float64(new GradEmbeddingGru()))
            {
                GradientCheck.AssertMatchesAutograd(gru, torch.randint(0, 9, new long[] { n, length }, dtype: ScalarType.Int64), Floats(n, length, 2), Tolerance);
            }

            using (var rnn = GradientCheck.Float64(new GradEmbeddingRnn()))
            {
                GradientCheck.AssertMatchesAutograd(rnn, torch.randint(0, 7, new long[] { n, length }, dtype: ScalarType.Int64), Floats(n, 2), Tolerance);
            }

            using var relu = GradientCheck.Float64(new GradEmbeddingReluRnn());
            GradientCheck.AssertMatchesAutograd(relu, torch.randint(0, 8, new long[] { n, length }, dtype: ScalarType.Int64), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 6)]
        public void Lstm_two_layers_bidirectional_and_rnn_final_state(int n, int length)
        {
            torch.manual_seed(24);
            using var model = GradientCheck.Float64(new GradLstmStack());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 4), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, 2)]
        [InlineData(4, 5)]
        public void Gru_bidirectional_and_relu_rnn_without_bias(int n, int length)
        {
            torch.manual_seed(25);
            using var model = GradientCheck.Float64(new GradGruRnn());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 3), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 6)]
        public void Lstm_on_the_data_two_layers_bidirectional_final_state(int n, int length)
        {
            torch.manual_seed(27);
            using var model = GradientCheck.Float64(new GradLstmFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 3), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(4, 5)]
        public void Gru_on_the_data_without_bias_then_lstm_and_bidirectional_relu_rnn(int n, int length)
        {
            torch.manual_seed(28);
            using var model = GradientCheck.Float64(new GradGruFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 3), Classes(n, 2), Tolerance);
        }

        [Fact]
        public void Next_token_lstm_with_embedding()
        {
            torch.manual_seed(26);
            using var model = GradientCheck.Float64(new NextTokenLstm());
            Tensor ids = torch.randint(0, 10, new long[] { 5, 7 }, dtype: ScalarType.Int64);
            GradientCheck.AssertMatchesAutograd(model, ids, Classes(5, 10), Tolerance);
        }
    }
}

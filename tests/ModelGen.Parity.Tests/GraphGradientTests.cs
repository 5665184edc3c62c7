using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// The generated backward through blocks (identity and projection shortcuts, repeats, nesting),
    /// branches (concatenation, sum, an included input), reused layers and blocks, self-attention and
    /// the transformer encoder layer, against autograd in float64: every parameter's gradient within
    /// 1e-8 relative (the input gradient of each structure through the weight gradient of the layer
    /// before it), batch 1 and more, dropout masks replayed. Models: Models/GraphGradientModels.cs.
    /// </summary>
    [Collection(RandomNumbersAlone.Name)]
    public sealed class GraphGradientTests
    {
        private const double Tolerance = 1e-8;

        private static Tensor Floats(params long[] shape) => torch.randn(shape, dtype: ScalarType.Float64);

        private static Tensor Classes(long n, long k) => torch.randint(0, k, new[] { n }, dtype: ScalarType.Int64);

        [Theory]
        [InlineData(1, false)]
        [InlineData(3, false)]
        [InlineData(3, true)]
        public void Residual_blocks_identity_and_projection_shortcuts(int n, bool eval)
        {
            torch.manual_seed(40);
            using var model = GradientCheck.Float64(new GradResidual());
            if (eval)
            {
                TrainRunningStatistics(model, Floats(6, 3, 9, 9));
            }

            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 9, 9), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void Residual_block_as_the_first_layer(int n)
        {
            torch.manual_seed(41);
            using var model = GradientCheck.Float64(new GradResidualFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 4, 7, 7), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Nested_blocks_with_dropout(int n)
        {
            torch.manual_seed(42);
            using var model = GradientCheck.Float64(new GradNestedStages());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 4, 12, 12), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Concat_and_sum_branches_with_and_without_the_input(int n)
        {
            torch.manual_seed(43);
            using var model = GradientCheck.Float64(new GradBranches());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 8, 8), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void Branches_as_the_first_layer(int n)
        {
            torch.manual_seed(44);
            using var model = GradientCheck.Float64(new GradBranchesFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 5, 5), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Concat_along_the_features_of_a_sequence(int n)
        {
            torch.manual_seed(45);
            using var model = GradientCheck.Float64(new GradSequenceConcat());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 5, 6), Floats(n, 1), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        public void A_shared_linear_sums_the_gradients_of_its_three_uses(int n)
        {
            torch.manual_seed(46);
            using var model = GradientCheck.Float64(new GradSharedLinear());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 6), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Shared_weights_inside_a_block_and_a_block_applied_twice(int n)
        {
            torch.manual_seed(47);
            using var model = GradientCheck.Float64(new GradSharedBlockTwice());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 5, 7), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(3, false)]
        [InlineData(3, true)]
        public void Multihead_attention_odd_sizes_heads_no_bias_and_dropout(int n, bool eval)
        {
            torch.manual_seed(48);
            using var model = GradientCheck.Float64(new GradAttention());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 5, 4), Floats(n, 2), Tolerance, eval);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Multihead_attention_as_the_first_layer(int n)
        {
            torch.manual_seed(49);
            using var model = GradientCheck.Float64(new GradAttentionFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 7, 6), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(3, false)]
        [InlineData(3, true)]
        public void Transformer_encoder_layers_post_and_pre_norm_relu_and_gelu(int n, bool eval)
        {
            torch.manual_seed(50);
            using var model = GradientCheck.Float64(new GradTransformer());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 5, 4), Floats(n, 2), Tolerance, eval);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Transformer_encoder_layer_as_the_first_layer(int n)
        {
            torch.manual_seed(51);
            using var model = GradientCheck.Float64(new GradTransformerFirst());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 4, 6), Classes(n, 3), Tolerance);
        }

        /// <summary>Non-trivial running statistics before an evaluation-mode check.</summary>
        private static void TrainRunningStatistics(nn.Module<Tensor, Tensor> model, Tensor batch)
        {
            model.train();
            using (torch.no_grad())
            {
                model.forward(batch);
            }
        }
    }
}

using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// The generated backward of the kinds whose rules came last against autograd, in float64,
    /// relative error ≤ 1e-8, batch 1 and an odd batch, training and (where the kind differs)
    /// evaluation. Models: Models/KindGradientModels.cs.
    /// </summary>
    public sealed class KindGradientTests
    {
        private const double Tolerance = 1e-8;

        private static Tensor Floats(params long[] shape) => torch.randn(shape, dtype: ScalarType.Float64);

        private static Tensor Classes(long n, long k) => torch.randint(0, k, new[] { n }, dtype: ScalarType.Int64);

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Conv3d_and_3d_pools(int n)
        {
            torch.manual_seed(40);
            using var model = GradientCheck.Float64(new GradConv3d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 5, 6, 7), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Conv2d_padding_modes_and_even_same(int n)
        {
            torch.manual_seed(41);
            using var model = GradientCheck.Float64(new GradConvPaddingModes());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 9, 8), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Conv1d_and_conv3d_padding_modes(int n)
        {
            torch.manual_seed(42);
            using var model = GradientCheck.Float64(new GradConvPadding1d3d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 11), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Transposed_convolutions_stride_output_padding_dilation_groups(int n)
        {
            torch.manual_seed(43);
            using var model = GradientCheck.Float64(new GradConvTranspose());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 5, 4), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        public void LP_pooling_and_adaptive_max_pooling(int n)
        {
            torch.manual_seed(44);
            using var model = GradientCheck.Float64(new GradLpAndAdaptiveMaxPools());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 9, 11), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Adaptive_max_pooling_to_a_larger_output(int n)
        {
            torch.manual_seed(53);
            using var model = GradientCheck.Float64(new GradAdaptiveMaxLarger());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 7, 6), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(4, false)]
        [InlineData(1, true)]
        [InlineData(4, true)]
        public void Group_and_instance_normalization_in_training_and_evaluation(int n, bool eval)
        {
            torch.manual_seed(45);
            using var model = GradientCheck.Float64(new GradGroupInstanceNorm());
            if (eval)
            {
                // Non-trivial running statistics for the tracked InstanceNorm2d first.
                model.train();
                using (torch.no_grad())
                {
                    model.forward(Floats(6, 3, 6, 5));
                }
            }

            GradientCheck.AssertMatchesAutograd(model, Floats(n, 3, 6, 5), Classes(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1, false)]
        [InlineData(7, false)]
        [InlineData(7, true)]
        public void Alpha_dropout_replays_the_mask_and_affine(int n, bool eval)
        {
            torch.manual_seed(46);
            using var model = GradientCheck.Float64(new GradAlphaDropout());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 6), Floats(n, 3), Tolerance, eval);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Upsample_nearest_bilinear_bicubic(int n)
        {
            torch.manual_seed(47);
            using var model = GradientCheck.Float64(new GradUpsample2d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 4, 5), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Upsample_linear_and_trilinear(int n)
        {
            torch.manual_seed(48);
            using var model = GradientCheck.Float64(new GradUpsample1d3d());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 5), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        public void Maxout_over_features_and_channels_and_a_cropping_pad(int n)
        {
            torch.manual_seed(49);
            using var model = GradientCheck.Float64(new GradMaxoutAndCrop());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 6, 5), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void Maxout_shares_delta_among_tied_pieces(int n)
        {
            torch.manual_seed(56);
            using var model = GradientCheck.Float64(new GradMaxoutTies());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 2, 5), Floats(n, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 6)]
        public void Maxout_per_position_and_positional_encoding(int n, int length)
        {
            torch.manual_seed(50);
            using var model = GradientCheck.Float64(new GradSequenceMaxoutPositional());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 5), Floats(n, length, 2), Tolerance);
        }

        [Theory]
        [InlineData(1, 1, false)]
        [InlineData(3, 5, false)]
        [InlineData(3, 5, true)]
        public void Recurrent_dropout_between_layers_replays_libtorch_masks(int n, int length, bool eval)
        {
            torch.manual_seed(51);
            using var model = GradientCheck.Float64(new GradRecurrentDropout());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 4), Floats(n, 2), Tolerance, eval);
        }

        /// <summary>In float32 libtorch runs its LSTM through oneDNN (mkldnn), which draws the dropout between layers too: the same masks.</summary>
        [Fact]
        public void Recurrent_dropout_in_float32_replays_the_mkldnn_kernels_masks()
        {
            torch.manual_seed(54);
            using var model = new GradRecurrentDropout();
            GradientCheck.AssertMatchesAutograd(model, torch.randn(3, 6, 4), torch.randn(3, 2), 1e-4);
        }

        [Theory]
        [InlineData(1, 2)]
        [InlineData(4, 5)]
        public void Rnn_dropout_between_bidirectional_layers(int n, int length)
        {
            torch.manual_seed(52);
            using var model = GradientCheck.Float64(new GradRnnDropout());
            GradientCheck.AssertMatchesAutograd(model, Floats(n, length, 3), Classes(n, 3), Tolerance);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Encoder_decoder_of_the_snapshot(int n)
        {
            torch.manual_seed(55);
            using var model = GradientCheck.Float64(new EncoderDecoderNet());
            Assert.Equal(2_539, EncoderDecoderNet.ParameterCount);
            GradientCheck.AssertMatchesAutograd(model, Floats(n, 1, 12, 12), Classes(n, 3), Tolerance);
        }
    }
}

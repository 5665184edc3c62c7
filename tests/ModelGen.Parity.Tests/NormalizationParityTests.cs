using System;
using System.Linq;
using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>Normalization and noise kinds: the generated constants against TorchSharp.</summary>
    public sealed class NormalizationParityTests
    {
        /// <summary>Each model with the output shape the formula gives (see the models' comments).</summary>
        public static TheoryData<Type, long[]> Models => new()
        {
            { typeof(BatchNorm3dOnly), new long[] { 2, 3, 4, 5 } },
            { typeof(LayerNormLast), new long[] { 16, 8 } },
            { typeof(LayerNormWholeSample), new long[] { 3, 4, 5 } },
            { typeof(LayerNormWithoutBias), new long[] { 10 } },
            { typeof(LayerNormWithoutAffine), new long[] { 6, 5 } },
            { typeof(GroupNormMap), new long[] { 6, 4, 4 } },
            { typeof(GroupNormSequence), new long[] { 8, 5 } },
            { typeof(InstanceNorm2dDefault), new long[] { 3, 5, 5 } },
            { typeof(InstanceNorm2dTracked), new long[] { 3, 5, 5 } },
            { typeof(Dropout2dOnly), new long[] { 4, 3, 3 } },
            { typeof(AlphaDropoutOnly), new long[] { 7 } },
            { typeof(GaussianNoiseOnly), new long[] { 2, 3, 3 } },
            { typeof(NormalizationStack), new long[] { 4 } },
        };

        [Theory]
        [MemberData(nameof(Models))]
        public void Generated_shapes_and_counts_equal_TorchSharp(Type modelType, long[] formulaOutputShape)
        {
            var model = (IGeneratedModel)Activator.CreateInstance(modelType, new object?[] { null })!;

            Assert.Equal(formulaOutputShape, model.OutputShape);
            ModelParity.AssertMatchesTorch(model);
        }

        [Fact]
        public void Parameter_and_buffer_counts_follow_the_formulas()
        {
            // BatchNorm3d: 2·C = 4 parameters, 2·C = 4 buffers (running mean and variance).
            Assert.Equal(4, BatchNorm3dOnly.ParameterCount);
            Assert.Equal(4, BatchNorm3dOnly.Costs.Buffers);

            // LayerNorm: 2·E with E the normalized elements; E without bias; 0 without affine.
            Assert.Equal(16, LayerNormLast.ParameterCount);
            Assert.Equal(120, LayerNormWholeSample.ParameterCount);
            Assert.Equal(10, LayerNormWithoutBias.ParameterCount);
            Assert.Equal(0, LayerNormWithoutAffine.ParameterCount);

            // GroupNorm: 2·C with affine.
            Assert.Equal(12, GroupNormMap.ParameterCount);
            Assert.Equal(0, GroupNormSequence.ParameterCount);

            // InstanceNorm2d: nothing by default; 2·C parameters and 2·C buffers when asked.
            Assert.Equal(0, InstanceNorm2dDefault.ParameterCount);
            Assert.Equal(0, InstanceNorm2dDefault.Costs.Buffers);
            Assert.Equal(6, InstanceNorm2dTracked.ParameterCount);
            Assert.Equal(6, InstanceNorm2dTracked.Costs.Buffers);

            Assert.Equal(8420, NormalizationStack.ParameterCount);
            Assert.Equal(8420, ModelParity.CountParameters(new NormalizationStack()));
        }

        [Fact]
        public void Mult_adds_of_normalizations_are_their_parameter_counts()
        {
            // torchinfo: a layer with parameters that is neither a convolution nor a linear map
            // counts its parameters; InstanceNorm2d without affine counts 0.
            LayerInfo[] table = NormalizationStack.LayerTable.ToArray();
            Assert.Equal(16, table[1].MultAdds); // InstanceNorm2d(Affine = true) on 8 channels
            Assert.Equal(16, table[3].MultAdds); // GroupNorm(4) on 8 channels
            Assert.Equal(32, table[7].MultAdds); // LayerNorm on 16 features
            Assert.Equal(0, table[3].WeightMultAdds);
        }

        [Fact]
        public void State_dict_keys_follow_PyTorch()
        {
            Assert.Equal(
                new[] { "bn1.bias", "bn1.num_batches_tracked", "bn1.running_mean", "bn1.running_var", "bn1.weight" },
                ModelParity.StateDictKeys(new BatchNorm3dOnly()));
            Assert.Equal(new[] { "ln1.bias", "ln1.weight" }, ModelParity.StateDictKeys(new LayerNormLast()));
            Assert.Equal(new[] { "ln1.weight" }, ModelParity.StateDictKeys(new LayerNormWithoutBias()));
            Assert.Equal(new[] { "gn1.bias", "gn1.weight" }, ModelParity.StateDictKeys(new GroupNormMap()));
            Assert.Empty(ModelParity.StateDictKeys(new InstanceNorm2dDefault()));
            Assert.Equal(
                new[] { "inorm1.bias", "inorm1.num_batches_tracked", "inorm1.running_mean", "inorm1.running_var", "inorm1.weight" },
                ModelParity.StateDictKeys(new InstanceNorm2dTracked()));
            Assert.Empty(ModelParity.StateDictKeys(new GaussianNoiseOnly()));
        }

        [Fact]
        public void LayerNorm_normalizes_each_sample_over_the_declared_dimensions()
        {
            using IDisposable scope = NewDisposeScope();
            var model = new LayerNormWholeSample();
            model.eval();
            Tensor input = randn(2, 3, 4, 5) * 3 + 7;
            Tensor output = model.forward(input);

            // γ = 1 and β = 0 at the start: each sample has mean 0 and (biased) variance 1 over 3·4·5.
            Tensor flat = output.reshape(2, 60);
            Assert.True(flat.mean(new long[] { 1 }).abs().max().item<float>() < 1e-4f);
            Assert.True((flat.var(1, unbiased: false) - 1).abs().max().item<float>() < 1e-3f);
        }

        [Fact]
        public void GroupNorm_starts_as_PyTorch_does_and_normalizes_each_group()
        {
            using IDisposable scope = NewDisposeScope();
            var model = new GroupNormMap();

            // PyTorch's initialization, γ = 1 and β = 0 (TorchSharp's own GroupNorm leaves them uninitialized).
            Tensor weight = ModelParity.LayerField(model, "gn1").get_parameter("weight")!;
            Tensor bias = ModelParity.LayerField(model, "gn1").get_parameter("bias")!;
            Assert.True(Same(weight, ones(6)));
            Assert.True(Same(bias, zeros(6)));

            // 3 groups of 2 channels of 4×4: each group of each sample has mean 0 and variance 1 over 2·16 values.
            Tensor output = model.forward(randn(2, 6, 4, 4) * 5 - 2).reshape(2, 3, 32);
            Assert.True(output.mean(new long[] { 2 }).abs().max().item<float>() < 1e-4f);
            Assert.True((output.var(2, unbiased: false) - 1).abs().max().item<float>() < 1e-3f);
        }

        [Fact]
        public void The_normalization_stack_trains()
        {
            // Adam on one fixed batch of 16 random 1×8×8 samples with 4 classes: the loss falls.
            using IDisposable scope = NewDisposeScope();
            manual_seed(11);
            var model = new NormalizationStack();
            Tensor features = randn(16, 1, 8, 8);
            Tensor targets = randint(0, 4, 16, dtype: int64);

            float first = model.TrainStep(features, targets);
            float last = first;
            for (int step = 0; step < 40; step++)
            {
                last = model.TrainStep(features, targets);
            }

            Assert.True(float.IsFinite(first) && float.IsFinite(last));
            Assert.True(last < first / 2, $"loss {first} → {last}");
        }

        [Fact]
        public void Dropout2d_zeroes_whole_channels_in_training_only()
        {
            using IDisposable scope = NewDisposeScope();
            var model = new Dropout2dOnly();
            Tensor input = ones(64, 4, 3, 3);
            Tensor output = model.forward(input);

            // Every channel is either all 0 or all 1/(1 − 0.25).
            Tensor perChannelMin = output.amin(new long[] { 2, 3 });
            Tensor perChannelMax = output.amax(new long[] { 2, 3 });
            Assert.True(Same(perChannelMin, perChannelMax));
            Assert.True((perChannelMax.eq(0) | (perChannelMax - 1 / 0.75).abs().lt(1e-5)).all().item<bool>());
            Assert.True(perChannelMax.eq(0).any().item<bool>());

            model.eval();
            Assert.True(Same(model.forward(input), input));
        }

        [Fact]
        public void GaussianNoise_is_active_in_training_and_the_identity_in_evaluation()
        {
            using IDisposable scope = NewDisposeScope();
            var model = new GaussianNoiseOnly();
            Tensor input = zeros(2000, 2, 3, 3);

            double std = model.forward(input).std().item<float>();
            Assert.InRange(std, 0.09, 0.11);

            model.eval();
            Assert.True(Same(model.forward(input), input));
        }

        /// <summary>Whether two tensors have the same shape and equal elements.</summary>
        private static bool Same(Tensor actual, Tensor expected) =>
            actual.shape.SequenceEqual(expected.shape) && actual.eq(expected).all().item<bool>();
    }
}

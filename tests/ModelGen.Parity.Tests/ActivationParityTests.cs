using System;
using System.Linq;
using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>Activation kinds: the generated constants against TorchSharp, and the arguments reaching the modules.</summary>
    public sealed class ActivationParityTests
    {
        /// <summary>Each model with the output shape the formula gives (see the models' comments).</summary>
        public static TheoryData<Type, long[]> Models => new()
        {
            { typeof(BinaryStepOnly), new long[] { 7 } },
            { typeof(PReLUShared), new long[] { 2, 3, 3 } },
            { typeof(PReLUPerChannel), new long[] { 4, 3, 3 } },
            { typeof(PReLUPerFeature), new long[] { 6 } },
            { typeof(ELUOnly), new long[] { 5 } },
            { typeof(SELUOnly), new long[] { 2, 3, 3 } },
            { typeof(GELUExact), new long[] { 5 } },
            { typeof(GELUTanh), new long[] { 5 } },
            { typeof(SiLUOnly), new long[] { 4, 2 } },
            { typeof(SoftplusOnly), new long[] { 5 } },
            { typeof(MishOnly), new long[] { 2, 3, 3 } },
            { typeof(HardtanhOnly), new long[] { 5 } },
            { typeof(MaxoutFlat), new long[] { 4 } },
            { typeof(MaxoutChannels), new long[] { 3, 4, 4 } },
            { typeof(MaxoutSequence), new long[] { 5, 2 } },
            { typeof(MaxoutAfterLinear), new long[] { 2 } },
            { typeof(ActivationStack), new long[] { 8 } },
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
        public void PReLU_learns_one_slope_or_one_per_channel()
        {
            Assert.Equal(1, PReLUShared.ParameterCount);
            Assert.Equal(4, PReLUPerChannel.ParameterCount);
            Assert.Equal(6, PReLUPerFeature.ParameterCount);
            Assert.Equal(4, PReLUPerChannel.LayerTable[0].MultAdds);

            // Init = 0.1 reaches TorchSharp: every slope starts at 0.1.
            using IDisposable scope = NewDisposeScope();
            Tensor weight = new PReLUPerChannel().parameters().Single();
            Assert.Equal(new long[] { 4 }, weight.shape);
            Assert.True(weight.allclose(full(4, 0.1f)));

            Assert.Equal(142, MaxoutAfterLinear.ParameterCount);
            Assert.Equal(665, ActivationStack.ParameterCount);
        }

        [Fact]
        public void Arguments_reach_the_TorchSharp_modules()
        {
            using IDisposable scope = NewDisposeScope();
            Tensor x = tensor(new float[] { -3, -1, 0, 1, 3 }).reshape(1, 5);

            // ELU α = 0.5: α·(eˣ − 1) below 0.
            Assert.True(Run(new ELUOnly(), x).allclose(tensor(new float[] { 0.5f * MathF.Exp(-3) - 0.5f, 0.5f * MathF.Exp(-1) - 0.5f, 0, 1, 3 }).reshape(1, 5), atol: 1e-6));

            // Softplus β = 2: ½·ln(1 + e^(2x)).
            float[] softplus = new float[] { -3, -1, 0, 1, 3 }.Select(v => 0.5f * MathF.Log(1 + MathF.Exp(2 * v))).ToArray();
            Assert.True(Run(new SoftplusOnly(), x).allclose(tensor(softplus).reshape(1, 5), atol: 1e-6));

            // Hardtanh [−0.5, 2].
            Assert.True(Same(Run(new HardtanhOnly(), x), tensor(new float[] { -0.5f, -0.5f, 0, 1, 2 }).reshape(1, 5)));

            // GELU exact x·Φ(x) at 1: Φ(1) = 0.841345; tanh form: 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.841192.
            Assert.Equal(0.841345f, Run(new GELUExact(), x)[0, 3].item<float>(), 1e-5f);
            Assert.Equal(0.841192f, Run(new GELUTanh(), x)[0, 3].item<float>(), 1e-5f);

            // SELU λ·α·(eˣ − 1) below 0 with PyTorch's λ = 1.0507009873554805, α = 1.6732632423543772; SiLU x·σ(x); Mish x·tanh(ln(1 + eˣ)).
            const double lambda = 1.0507009873554805, alpha = 1.6732632423543772;
            Assert.Equal((float)(lambda * alpha * (Math.Exp(-1) - 1)), Run(new SELUOnly(), full(1, 2, 3, 3, -1f))[0, 0, 0, 0].item<float>(), 1e-5f);
            Assert.Equal((float)(-1 / (1 + Math.Exp(1))), Run(new SiLUOnly(), full(1, 4, 2, -1f))[0, 0, 0].item<float>(), 1e-5f);
            Assert.Equal((float)(-1 * Math.Tanh(Math.Log(1 + Math.Exp(-1)))), Run(new MishOnly(), full(1, 2, 3, 3, -1f))[0, 0, 0, 0].item<float>(), 1e-5f);

            // BinaryStep: 1 at 0 by default.
            Assert.True(Same(
                Run(new BinaryStepOnly(), tensor(new float[] { -3, -1, 0, 1, 3, 0.5f, -0.5f }).reshape(1, 7)),
                tensor(new float[] { 0, 0, 1, 1, 1, 1, 0 }).reshape(1, 7)));
        }

        [Fact]
        public void Maxout_pieces_adjacent_entries_of_the_documented_dimension()
        {
            using IDisposable scope = NewDisposeScope();

            // Flat: output j = max(x[3j], x[3j + 1], x[3j + 2]).
            Tensor flat = tensor(new float[] { 1, 5, 2, -1, -2, -3, 0, 9, 8, 7, 7, 7 }).reshape(1, 12);
            Assert.True(Same(Run(new MaxoutFlat(), flat), tensor(new float[] { 5, -1, 9, 7 }).reshape(1, 4)));

            // Channels: output channel j = max of channels 2j and 2j + 1, position by position.
            Tensor map = randn(2, 6, 4, 4);
            Tensor expected = maximum(map.index_select(1, tensor(new long[] { 0, 2, 4 })), map.index_select(1, tensor(new long[] { 1, 3, 5 })));
            Assert.True(Same(Run(new MaxoutChannels(), map), expected));

            // Sequence: each position's 8 features → 2, the maximum of features 0–3 and 4–7.
            Tensor sequence = randn(2, 5, 8);
            Tensor pieces = sequence.reshape(2, 5, 2, 4).amax(new long[] { 3 });
            Assert.True(Same(Run(new MaxoutSequence(), sequence), pieces));
        }

        [Fact]
        public void BinaryStep_passes_zero_gradient_to_the_layers_below()
        {
            using IDisposable scope = NewDisposeScope();
            var model = new ActivationStack();
            Tensor output = model.forward(randn(3, 2, 6, 6));
            output.sum().backward();

            // The step is the last layer: every parameter below it gets a gradient of exactly 0.
            foreach (var (name, parameter) in model.named_parameters())
            {
                Assert.True(parameter.grad is not null, name);
                Assert.True(parameter.grad!.eq(0).all().item<bool>(), name);
            }
        }

        private static Tensor Run(nn.Module<Tensor, Tensor> model, Tensor input)
        {
            model.eval();
            return model.forward(input);
        }

        /// <summary>Whether two tensors have the same shape and equal elements.</summary>
        private static bool Same(Tensor actual, Tensor expected) =>
            actual.shape.SequenceEqual(expected.shape) && actual.eq(expected).all().item<bool>();
    }
}

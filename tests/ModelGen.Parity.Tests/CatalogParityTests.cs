using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ModelGen.Parity.Tests.Models;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>Every layer kind of the catalog: the generated constants against TorchSharp.</summary>
    public sealed class CatalogParityTests
    {
        /// <summary>Each catalog model with the output shape the formula gives (see the models' comments).</summary>
        public static TheoryData<Type, long[]> Models => new()
        {
            { typeof(LinearWithBias), new long[] { 5 } },
            { typeof(LinearWithoutBias), new long[] { 5 } },
            { typeof(LinearOnSequence), new long[] { 16, 64 } },
            { typeof(Conv2dSquare), new long[] { 4, 8, 8 } },
            { typeof(Conv2dRectangular), new long[] { 5, 6, 8 } },
            { typeof(Conv2dDilated), new long[] { 3, 5, 5 } },
            { typeof(Conv2dRectangularDilation), new long[] { 2, 9, 7 } },
            { typeof(MaxPool2dDefault), new long[] { 2, 4, 4 } },
            { typeof(MaxPool2dStridePadding), new long[] { 2, 5, 5 } },
            { typeof(MaxPool2dRectangular), new long[] { 1, 3, 4 } },
            { typeof(AvgPool2dPadding), new long[] { 3, 7, 7 } },
            { typeof(AvgPool2dStride), new long[] { 3, 4, 4 } },
            { typeof(FlattenOnly), new long[] { 24 } },
            { typeof(DropoutOnly), new long[] { 3, 4, 4 } },
            { typeof(BatchNorm1dOnly), new long[] { 6 } },
            { typeof(BatchNorm2dOnly), new long[] { 3, 5, 5 } },
            { typeof(ReLUOnly), new long[] { 2, 3, 3 } },
            { typeof(LeakyReLUOnly), new long[] { 7 } },
            { typeof(SigmoidOnly), new long[] { 7 } },
            { typeof(TanhOnly), new long[] { 2, 3, 3 } },
            { typeof(SoftmaxOnly), new long[] { 9 } },
            { typeof(LogSoftmaxOnly), new long[] { 4, 3, 3 } },
            { typeof(EveryLayer), new long[] { 4 } },
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
        public void Linear_counts_weights_and_bias_only_when_declared()
        {
            // in·out (+ out): 12·5 + 5 and 12·5.
            Assert.Equal(65, LinearWithBias.ParameterCount);
            Assert.Equal(60, LinearWithoutBias.ParameterCount);
            Assert.Equal(65, ModelParity.CountParameters(new LinearWithBias()));
            Assert.Equal(60, ModelParity.CountParameters(new LinearWithoutBias()));
        }

        [Fact]
        public void Conv2d_counts_rectangular_kernels()
        {
            // out·in·kh·kw + out: 5·2·3·2 + 5 = 65; without bias 3·1·3·3 = 27.
            Assert.Equal(65, Conv2dRectangular.ParameterCount);
            Assert.Equal(27, Conv2dDilated.ParameterCount);
            Assert.Equal(65, ModelParity.CountParameters(new Conv2dRectangular()));
            Assert.Equal(27, ModelParity.CountParameters(new Conv2dDilated()));
        }

        [Fact]
        public void State_dict_keys_are_the_layer_field_names()
        {
            Assert.Equal(new[] { "fc1.bias", "fc1.weight" }, ModelParity.StateDictKeys(new LinearWithBias()));
            Assert.Equal(new[] { "fc1.weight" }, ModelParity.StateDictKeys(new LinearWithoutBias()));
            Assert.Equal(new[] { "conv1.weight" }, ModelParity.StateDictKeys(new Conv2dDilated()));
            Assert.Equal(
                new[] { "bn1.bias", "bn1.num_batches_tracked", "bn1.running_mean", "bn1.running_var", "bn1.weight" },
                ModelParity.StateDictKeys(new BatchNorm2dOnly()));
            Assert.Empty(ModelParity.StateDictKeys(new FlattenOnly()));

            Assert.Equal(
                new[]
                {
                    "bn1.bias", "bn1.num_batches_tracked", "bn1.running_mean", "bn1.running_var", "bn1.weight",
                    "bn2.bias", "bn2.num_batches_tracked", "bn2.running_mean", "bn2.running_var", "bn2.weight",
                    "conv1.bias", "conv1.weight",
                    "conv2.weight",
                    "fc1.bias", "fc1.weight",
                    "fc2.weight",
                    "fc3.bias", "fc3.weight",
                },
                ModelParity.StateDictKeys(new EveryLayer()));
        }

        [Fact]
        public void Every_layer_attribute_is_checked_by_a_parity_model()
        {
            // The catalog as the runtime declares it: every concrete layer attribute.
            string[] catalog = typeof(LayerAttribute).Assembly.GetTypes()
                .Where(type => type.IsSubclassOf(typeof(LayerAttribute)) && !type.IsAbstract)
                .Select(type => type.Name[..^"Attribute".Length])
                .ToArray();

            // The kinds used by the generated models of this assembly (their static layer tables).
            var covered = new HashSet<string>(
                typeof(CatalogParityTests).Assembly.GetTypes()
                    .Where(type => typeof(IGeneratedModel).IsAssignableFrom(type) && !type.IsAbstract)
                    .SelectMany(type => (IReadOnlyList<LayerInfo>)type.GetProperty(nameof(IGeneratedModel.LayerTable), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
                    .Select(layer => layer.Kind));

            Assert.All(catalog, kind => Assert.True(covered.Contains(kind), $"{kind} is used by no parity model"));
        }
    }
}

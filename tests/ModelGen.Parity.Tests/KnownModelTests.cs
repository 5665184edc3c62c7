using ModelGen.Samples.Zoo;
using ModelGen.Samples.Digits;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>Models whose parameter counts are known from outside ModelGen.</summary>
    public sealed class KnownModelTests
    {
        [Fact]
        public void LeNet5_has_the_61706_parameters_of_the_course_notes()
        {
            var model = new LeNet5();

            Assert.Equal(61706, LeNet5.ParameterCount);
            Assert.Equal(61706, ModelParity.CountParameters(model));
            Assert.Equal(new long[] { 10 }, LeNet5.OutputShape);
            ModelParity.AssertMatchesTorch(model);
        }

        [Fact]
        public void DigitsNet_parameter_count_equals_the_runtime_count()
        {
            var model = new DigitsNet();

            Assert.Equal(DigitsNet.ParameterCount, ModelParity.CountParameters(model));
            ModelParity.AssertMatchesTorch(model, batchSize: 64);
            Assert.Equal(
                new[] { "conv1.bias", "conv1.weight", "conv2.bias", "conv2.weight", "fc1.bias", "fc1.weight", "fc2.bias", "fc2.weight" },
                ModelParity.StateDictKeys(model));
        }
    }
}

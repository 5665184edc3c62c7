using System;
using System.Linq;
using ModelGen.Samples.Zoo;
using TorchSharp;
using Xunit;

namespace ModelGen.Onnx.Tests
{
    /// <summary>
    /// The zoo's big models (AlexNet, VGG-16, VGG-16-BN, ResNet-18, ResNet-50: 11.7–138 M parameters), each exported once
    /// and compared at batch sizes 1 and 7, their batch norms given statistics of their own. They take most of this project's time, so they carry
    /// the trait <c>Size=Big</c>: <c>--filter "Size!=Big"</c> leaves them out of a quick run.
    /// </summary>
    public sealed class BigZooExportTests
    {
        private const long Big = 5_000_000;

        /// <summary>Whether a model type is one of the zoo's big models.</summary>
        public static bool IsBig(Type type) =>
            type.GetProperty("Costs", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) is ModelCosts costs && costs.Parameters > Big;

        /// <summary>The big zoo models: AlexNet, the VGGs and the ResNets (blocks, residual sums, projection shortcuts).</summary>
        public static TheoryData<string> BigNames => new(Zoo.Models.Where(m => m.CompileTime.Parameters > Big).Select(m => m.Name));

        [Theory]
        [Trait("Size", "Big")]
        [MemberData(nameof(BigNames))]
        public void Big_zoo_model_runs_in_onnx_runtime_with_torchsharps_outputs(string name)
        {
            ZooModel entry = Zoo.Models.Single(m => m.Name == name);
            using var module = (torch.nn.Module<torch.Tensor, torch.Tensor>)entry.Create();
            OnnxParity.RandomizeBatchNorm(module);
            OnnxParity.AssertMatches(module);
        }
    }
}

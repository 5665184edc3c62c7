using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>Compares a model's generated gradients with autograd's on the same batch and seed.</summary>
    internal static class GradientCheck
    {
        /// <summary>
        /// Runs <c>ComputeGradients</c> with the generated backward, then with autograd (the same seed
        /// before each, so that dropout draws the same masks) and asserts that every parameter's
        /// gradient and the loss agree within <paramref name="tolerance"/>, relative to the largest
        /// autograd gradient entry of that parameter.
        /// </summary>
        /// <returns>The largest relative difference found.</returns>
        /// <summary>
        /// Switches <paramref name="model"/> to the generated backward (a model with an LSTM or large
        /// convolution maps defaults to autograd) and returns true, or false when it has none.
        /// </summary>
        public static bool UseGenerated(ITrainableModel model)
        {
            try
            {
                model.GeneratedBackward = true;
                return true;
            }
            catch (NotSupportedException)
            {
                return false;
            }
        }

        public static double AssertMatchesAutograd(ITrainableModel model, Tensor input, Tensor target, double tolerance = 1e-8, bool eval = false)
        {
            var module = (nn.Module)model;
            if (eval)
            {
                module.eval();
            }
            else
            {
                module.train();
            }

            Assert.True(UseGenerated(model), $"{model.ModelName} has no generated backward");
            torch.manual_seed(11);
            float generatedLoss = model.ComputeGradients(input, target);
            Dictionary<string, Tensor> generated = Gradients(module);

            model.GeneratedBackward = false;
            try
            {
                torch.manual_seed(11);
                float autogradLoss = model.ComputeGradients(input, target);
                Dictionary<string, Tensor> autograd = Gradients(module);
                Assert.Equal(autograd.Keys.OrderBy(k => k), generated.Keys.OrderBy(k => k));
                Assert.True(Math.Abs(generatedLoss - autogradLoss) <= 1e-5 * Math.Max(1, Math.Abs(autogradLoss)), $"loss {generatedLoss} vs {autogradLoss}");
                // A gradient that is zero in exact arithmetic (a bias before BatchNorm) holds only
                // rounding noise: its scale is floored at 1e-3 of the model's largest gradient entry.
                double floor = 1e-3 * autograd.Values.Max(t => t.abs().max().item<double>());
                double worst = 0;
                foreach ((string name, Tensor expected) in autograd)
                {
                    Tensor actual = generated[name];
                    Assert.Equal(expected.shape, actual.shape);
                    double scale = Math.Max(expected.abs().max().item<double>(), Math.Max(floor, 1e-300));
                    double difference = (actual - expected).abs().max().item<double>() / scale;
                    worst = Math.Max(worst, difference);
                    Assert.True(difference <= tolerance, $"{model.ModelName}.{name}: relative difference {difference:E2} > {tolerance:E0} (largest entry {scale:E2})");
                }

                return worst;
            }
            finally
            {
                model.GeneratedBackward = true;
            }
        }

        // Compared in float64 whatever the model's dtype (the zoo test runs float32 models).
        private static Dictionary<string, Tensor> Gradients(nn.Module module) =>
            module.named_parameters().ToDictionary(
                p => p.name,
                p => p.parameter.grad?.detach().to(ScalarType.Float64).clone() ?? throw new InvalidOperationException($"{p.name} has no gradient"));

        /// <summary>Moves a new model to float64.</summary>
        public static T Float64<T>(T model)
            where T : nn.Module
        {
            model.to(ScalarType.Float64);
            return model;
        }
    }
}

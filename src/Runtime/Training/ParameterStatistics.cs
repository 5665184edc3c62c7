using System;
using System.Collections.Generic;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>Summary figures of one parameter tensor, for diagnosing a diverging run.</summary>
    /// <param name="Name">The state_dict key (<c>conv1.weight</c>).</param>
    /// <param name="Shape">The tensor's shape.</param>
    /// <param name="Mean">The mean value (NaN when a value is NaN).</param>
    /// <param name="Std">The standard deviation (0 for a single value).</param>
    /// <param name="Min">The smallest value.</param>
    /// <param name="Max">The largest value.</param>
    /// <param name="NonFinite">How many values are NaN or infinite.</param>
    /// <param name="GradientNorm">The L2 norm of the gradient, or null when there is none.</param>
    public sealed record ParameterStatistics(
        string Name,
        TensorShape Shape,
        double Mean,
        double Std,
        double Min,
        double Max,
        long NonFinite,
        double? GradientNorm)
    {
        /// <summary>Reads the figures of every parameter of <paramref name="module"/>, in registration order.</summary>
        /// <param name="module">Any TorchSharp module.</param>
        /// <returns>One entry per parameter tensor.</returns>
        public static IReadOnlyList<ParameterStatistics> Collect(nn.Module module)
        {
            ArgumentNullException.ThrowIfNull(module);
            var result = new List<ParameterStatistics>();
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            foreach ((string name, TorchSharp.Modules.Parameter parameter) in module.named_parameters())
            {
                Tensor values = parameter.detach().to(ScalarType.Float64).flatten();
                long count = values.numel();
                long nonFinite = count - values.isfinite().sum().item<long>();
                Tensor? gradient = parameter.grad;
                result.Add(new ParameterStatistics(
                    name,
                    new TensorShape(parameter.shape),
                    values.mean().item<double>(),
                    count > 1 ? values.std().item<double>() : 0,
                    values.min().item<double>(),
                    values.max().item<double>(),
                    nonFinite,
                    gradient is null ? null : gradient.to(ScalarType.Float64).norm().item<double>()));
            }

            return result;
        }

        /// <summary>The figures as one table row.</summary>
        /// <returns><c>conv1.weight  16×1×3×3  mean … std … min … max … non-finite 0  grad-norm …</c>.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0}  {1}  mean {2:G4}  std {3:G4}  min {4:G4}  max {5:G4}  non-finite {6}  grad-norm {7}",
            Name,
            Shape,
            Mean,
            Std,
            Min,
            Max,
            NonFinite,
            GradientNorm is double norm ? norm.ToString("G4", CultureInfo.InvariantCulture) : "none");
    }
}

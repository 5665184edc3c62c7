using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>The learning rate against the range in which its optimizer trains.</summary>
    internal static partial class ModelReview
    {
        /// <summary>
        /// The sane learning rates of each optimizer, from PyTorch's defaults and common practice:
        /// plain and momentum SGD rarely go above 1; Adam's family and RMSprop normalize the step,
        /// so the rate is the step size itself and 0.1 is already huge; Adadelta's default is 1.
        /// Below the lower bound no weight moves measurably in a training run.
        /// </summary>
        public static (double Min, double Max) SaneLearningRates(OptimizerKindSpec kind) => kind switch
        {
            OptimizerKindSpec.SGD or OptimizerKindSpec.Adagrad => (1e-6, 1),
            OptimizerKindSpec.Adadelta => (1e-3, 10),
            _ => (1e-6, 0.1),
        };

        private static void ReviewOptimizer(ModelPlan plan, List<ReviewFinding> findings)
        {
            OptimizerSpec? optimizer = plan.Spec.Optimizer;
            if (optimizer is null || !Written(optimizer.Written, "LearningRate"))
            {
                return;
            }

            (double min, double max) = SaneLearningRates(optimizer.Kind);
            double rate = optimizer.LearningRate, fallback = OptimizerDefaultsSpec.LearningRate(optimizer.Kind);
            if (rate > max || rate < min)
            {
                string why = rate > max
                    ? $"above {Rate(max)}, the most {optimizer.Kind} trains with: steps that large overshoot the minimum and the loss grows to NaN within a few updates"
                    : $"below {Rate(min)}, the least {optimizer.Kind} trains with: steps scaled by {Rate(rate)} leave the weights where they started even after a whole run";
                findings.Add(new ReviewFinding(ReviewKind.LearningRateRange, ProblemTarget.Optimizer, -1,
                    $"{optimizer.Display}: LearningRate = {Rate(rate)} is {why}; use a rate in [{Rate(min)}, {Rate(max)}], such as {optimizer.Kind}'s default {Rate(fallback)}")
                {
                    Argument = "LearningRate",
                    Fix = Rate(fallback),
                });
            }
        }

        /// <summary>A rate as people write it: <c>0.01</c>, <c>1e-6</c>.</summary>
        private static string Rate(double value) =>
            value != 0 && System.Math.Abs(value) < 1e-3 ? value.ToString("0.###e-0", System.Globalization.CultureInfo.InvariantCulture) : Numbers.Format(value);

        private static bool Written(EquatableArray<string> written, string name)
        {
            foreach (string item in written)
            {
                if (item == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>The compile-time memory estimate against what one machine holds.</summary>
    internal static partial class ModelReview
    {
        /// <summary>8 GiB of float32 parameters (2³¹ of them): training with Adam holds four times that.</summary>
        public const long ParameterBytesLimit = 8L << 30;

        private static void ReviewMemory(ModelPlan plan, List<ReviewFinding> findings)
        {
            long bytes = plan.ParameterBytes;
            if (bytes <= ParameterBytesLimit)
            {
                return;
            }

            int largest = 0;
            for (int i = 1; i < plan.Layers.Count; i++)
            {
                if (plan.Layers[i].Parameters > plan.Layers[largest].Parameters)
                {
                    largest = i;
                }
            }

            string training = plan.Spec.Optimizer is { } optimizer
                ? $"; training with {optimizer.Kind} holds at least {Numbers.Grouped(MemoryRules.TrainingBytes(plan, 0, OptimizerStateCopies(optimizer)))} bytes (weights, gradients and optimizer state, before any activation)"
                : string.Empty;
            findings.Add(new ReviewFinding(ReviewKind.ParameterMemory, ProblemTarget.Layer, largest,
                $"{plan.Spec.Name} has {Numbers.Grouped(plan.TotalParameters)} parameters, {Numbers.Grouped(bytes)} bytes ({Gibibytes(bytes)} GiB) of float32 weights alone, more than the {Gibibytes(ParameterBytesLimit)} GiB one machine can be expected to hold{training}; {plan.Layers[largest].Spec.Display} holds {Numbers.Grouped(plan.Layers[largest].Parameters)} of them: make it smaller"));
        }

        /// <summary>Optimizer tensors kept per parameter: momentum or a square average is one, Adam's two moments two.</summary>
        private static long OptimizerStateCopies(OptimizerSpec optimizer) => optimizer.Kind switch
        {
            OptimizerKindSpec.SGD => optimizer.Momentum > 0 ? 1 : 0,
            OptimizerKindSpec.Adagrad => 1,
            OptimizerKindSpec.RMSprop => optimizer.Momentum > 0 ? 2 : 1,
            _ => 2,
        };

        private static string Gibibytes(long bytes) =>
            (bytes / (double)(1L << 30)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

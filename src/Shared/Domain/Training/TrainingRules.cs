using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Range checks on the declared loss and optimizer, one message per broken rule.</summary>
    internal static class TrainingRules
    {
        public static IEnumerable<string> Check(OptimizerSpec optimizer)
        {
            if (!(optimizer.LearningRate > 0) || double.IsInfinity(optimizer.LearningRate))
            {
                yield return $"{optimizer.Display}: LearningRate must be positive and finite, got {Numbers.Format(optimizer.LearningRate)}";
            }

            if (!(optimizer.Momentum >= 0) || double.IsInfinity(optimizer.Momentum))
            {
                yield return $"{optimizer.Display}: Momentum must be zero or positive, got {Numbers.Format(optimizer.Momentum)}";
            }
            else if (optimizer.Kind != OptimizerKindSpec.SGD && optimizer.Momentum != 0)
            {
                yield return $"{optimizer.Display}: Momentum applies to SGD only; {optimizer.Kind} has its own moment estimates";
            }

            if (!(optimizer.WeightDecay >= 0) || double.IsInfinity(optimizer.WeightDecay))
            {
                yield return $"{optimizer.Display}: WeightDecay must be zero or positive, got {Numbers.Format(optimizer.WeightDecay)}";
            }
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Range checks on the declared loss and optimizer, one message per broken rule. A setting the
    /// chosen kind does not use is an error too, so a typo cannot silently do nothing.
    /// </summary>
    internal static class TrainingRules
    {
        public static IEnumerable<string> Check(OptimizerSpec optimizer)
        {
            IReadOnlyCollection<string> written = optimizer.Written;
            string at = optimizer.Display;
            OptimizerKindSpec kind = optimizer.Kind;
            if (!(optimizer.LearningRate > 0) || double.IsInfinity(optimizer.LearningRate))
            {
                yield return $"{at}: LearningRate must be positive and finite, got {Numbers.Format(optimizer.LearningRate)}";
            }

            if (!(optimizer.Momentum >= 0) || double.IsInfinity(optimizer.Momentum))
            {
                yield return $"{at}: Momentum must be zero or positive, got {Numbers.Format(optimizer.Momentum)}";
            }
            else if (kind is not (OptimizerKindSpec.SGD or OptimizerKindSpec.RMSprop) && optimizer.Momentum != 0)
            {
                yield return $"{at}: Momentum applies to SGD and RMSprop only; {kind} has its own moment estimates";
            }

            if (optimizer.Nesterov && (kind != OptimizerKindSpec.SGD || !(optimizer.Momentum > 0)))
            {
                yield return $"{at}: Nesterov needs SGD with a positive Momentum";
            }

            if (!(optimizer.WeightDecay >= 0) || double.IsInfinity(optimizer.WeightDecay))
            {
                yield return $"{at}: WeightDecay must be zero or positive, got {Numbers.Format(optimizer.WeightDecay)}";
            }

            bool adamFamily = kind is OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW or OptimizerKindSpec.Adamax or OptimizerKindSpec.NAdam;
            foreach ((string name, double value) in new[] { ("Beta1", optimizer.Beta1), ("Beta2", optimizer.Beta2) })
            {
                if (!(value >= 0 && value < 1))
                {
                    yield return $"{at}: {name} must lie in [0, 1), got {Numbers.Format(value)}";
                }
                else if (!adamFamily && Contains(written, name))
                {
                    yield return $"{at}: {name} applies to Adam, AdamW, Adamax and NAdam only, not {kind}";
                }
            }

            if (!(optimizer.Epsilon >= 0) || double.IsInfinity(optimizer.Epsilon))
            {
                yield return $"{at}: Epsilon must be zero or positive and finite, got {Numbers.Format(optimizer.Epsilon)}";
            }
            else if (kind == OptimizerKindSpec.SGD && Contains(written, "Epsilon"))
            {
                yield return $"{at}: Epsilon does not apply to SGD";
            }

            foreach (string message in InUnitInterval(at, "Rho", optimizer.Rho, kind, OptimizerKindSpec.Adadelta, written))
            {
                yield return message;
            }

            foreach (string message in InUnitInterval(at, "Alpha", optimizer.Alpha, kind, OptimizerKindSpec.RMSprop, written))
            {
                yield return message;
            }

            if (optimizer.Centered && kind != OptimizerKindSpec.RMSprop)
            {
                yield return $"{at}: Centered applies to RMSprop only, not {kind}";
            }

            foreach (string message in NonNegative(at, "LearningRateDecay", optimizer.LearningRateDecay, kind, OptimizerKindSpec.Adagrad, written))
            {
                yield return message;
            }

            foreach (string message in NonNegative(at, "MomentumDecay", optimizer.MomentumDecay, kind, OptimizerKindSpec.NAdam, written))
            {
                yield return message;
            }

            foreach ((string name, double value) in new[] { ("ClipNorm", optimizer.ClipNorm), ("ClipValue", optimizer.ClipValue) })
            {
                if (!(value >= 0) || double.IsInfinity(value))
                {
                    yield return $"{at}: {name} must be positive and finite (0 turns clipping off), got {Numbers.Format(value)}";
                }
            }
        }

        public static IEnumerable<string> Check(LossSpec loss)
        {
            IReadOnlyCollection<string> written = loss.Written;
            string at = loss.Display;
            if (!(loss.LabelSmoothing >= 0 && loss.LabelSmoothing < 1))
            {
                yield return $"{at}: LabelSmoothing must lie in [0, 1), got {Numbers.Format(loss.LabelSmoothing)}";
            }
            else if (loss.LabelSmoothing != 0 && loss.Kind != LossKindSpec.CrossEntropy)
            {
                yield return $"{at}: LabelSmoothing applies to CrossEntropy only, not {loss.Kind}";
            }

            if (!(loss.HuberDelta > 0) || double.IsInfinity(loss.HuberDelta))
            {
                yield return $"{at}: HuberDelta must be positive and finite, got {Numbers.Format(loss.HuberDelta)}";
            }
            else if (loss.Kind != LossKindSpec.Huber && Contains(written, "HuberDelta"))
            {
                yield return $"{at}: HuberDelta applies to Huber only, not {loss.Kind}";
            }

            if (loss.ClassWeights.Count > 0 && loss.Kind is not (LossKindSpec.CrossEntropy or LossKindSpec.NLL))
            {
                yield return $"{at}: ClassWeights apply to CrossEntropy and NLL only, not {loss.Kind}";
            }

            foreach (double weight in loss.ClassWeights)
            {
                if (!(weight >= 0) || double.IsInfinity(weight))
                {
                    yield return $"{at}: every class weight must be zero or positive and finite, got {Numbers.Format(weight)}";
                    break;
                }
            }

            foreach ((string name, double value) in new[] { ("L1", loss.L1), ("L2", loss.L2) })
            {
                if (!(value >= 0) || double.IsInfinity(value))
                {
                    yield return $"{at}: {name} must be zero or positive and finite, got {Numbers.Format(value)}";
                }
            }
        }

        private static IEnumerable<string> InUnitInterval(string at, string name, double value, OptimizerKindSpec kind, OptimizerKindSpec owner, IReadOnlyCollection<string> written)
        {
            if (!(value >= 0 && value <= 1))
            {
                yield return $"{at}: {name} must lie in [0, 1], got {Numbers.Format(value)}";
            }
            else if (kind != owner && Contains(written, name))
            {
                yield return $"{at}: {name} applies to {owner} only, not {kind}";
            }
        }

        private static IEnumerable<string> NonNegative(string at, string name, double value, OptimizerKindSpec kind, OptimizerKindSpec owner, IReadOnlyCollection<string> written)
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                yield return $"{at}: {name} must be zero or positive and finite, got {Numbers.Format(value)}";
            }
            else if (kind != owner && Contains(written, name))
            {
                yield return $"{at}: {name} applies to {owner} only, not {kind}";
            }
        }

        private static bool Contains(IReadOnlyCollection<string> written, string name)
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

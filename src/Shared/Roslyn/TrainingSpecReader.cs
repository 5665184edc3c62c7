using System;
using System.Collections.Generic;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// Reads the training attributes ([Loss], [Optimizer]) of a model. The defaults below are the
    /// attributes' documented defaults (a test compares them).
    /// </summary>
    internal static class TrainingSpecReader
    {
        public const string LossAttributeName = "LossAttribute";
        public const string OptimizerAttributeName = "OptimizerAttribute";

        /// <summary>Whether an attribute class (in the ModelGen namespace) is a training attribute.</summary>
        public static bool IsTrainingAttribute(string attributeClassName) =>
            attributeClassName is LossAttributeName or OptimizerAttributeName;

        public static LossSpec? ReadLoss(DeclaredArguments args, List<ModelProblem> problems)
        {
            int lossKind = args.Int(0, -1);
            if (Enum.IsDefined(typeof(LossKindSpec), lossKind))
            {
                return new LossSpec((LossKindSpec)lossKind, args.Display);
            }

            problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Loss, -1, $"{args.Display}: {lossKind} is not a LossKind"));
            return null;
        }

        public static OptimizerSpec? ReadOptimizer(DeclaredArguments args, List<ModelProblem> problems)
        {
            int optimizerKind = args.Int(0, -1);
            if (Enum.IsDefined(typeof(OptimizerKindSpec), optimizerKind))
            {
                return new OptimizerSpec(
                    (OptimizerKindSpec)optimizerKind,
                    args.Display,
                    args.Double("LearningRate", 0.01),
                    args.Double("Momentum", 0),
                    args.Double("WeightDecay", 0));
            }

            problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Optimizer, -1, $"{args.Display}: {optimizerKind} is not an OptimizerKind"));
            return null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// Reads the training attributes ([Loss], [Optimizer]) of a model. The defaults below are the
    /// attributes' documented defaults, PyTorch's per optimizer kind (a test compares them with the
    /// runtime's <c>OptimizerDefaults</c> for every kind).
    /// </summary>
    internal static class TrainingSpecReader
    {
        public const string LossAttributeName = "LossAttribute";
        public const string OptimizerAttributeName = "OptimizerAttribute";
        public const string InitializeAttributeName = "InitializeAttribute";

        private static readonly string[] LossSettings = { "Reduction", "LabelSmoothing", "HuberDelta", "ClassWeights", "L1", "L2" };

        private static readonly string[] OptimizerSettings =
        {
            "LearningRate", "Momentum", "Nesterov", "Beta1", "Beta2", "Epsilon", "Rho", "Alpha", "Centered",
            "LearningRateDecay", "MomentumDecay", "WeightDecay", "ClipNorm", "ClipValue",
        };

        /// <summary>Whether an attribute class (in the ModelGen namespace) is a training attribute.</summary>
        public static bool IsTrainingAttribute(string attributeClassName) =>
            attributeClassName is LossAttributeName or OptimizerAttributeName or InitializeAttributeName;

        public static LossSpec? ReadLoss(DeclaredArguments args, List<ModelProblem> problems)
        {
            int lossKind = args.Int(0, -1);
            if (!Enum.IsDefined(typeof(LossKindSpec), lossKind))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Loss, -1, $"{args.Display}: {lossKind} is not a LossKind"));
                return null;
            }

            int reduction = args.Int("Reduction", 0);
            if (!Enum.IsDefined(typeof(LossReductionSpec), reduction))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Loss, -1, $"{args.Display}: {reduction} is not a LossReduction"));
                reduction = 0;
            }

            var loss = new LossSpec(
                (LossKindSpec)lossKind,
                args.Display,
                (LossReductionSpec)reduction,
                args.Double("LabelSmoothing", 0),
                args.Double("HuberDelta", 1),
                new EquatableArray<double>(DoubleArray(args.Named("ClassWeights"))),
                args.Double("L1", 0),
                args.Double("L2", 0),
                new EquatableArray<string>(LossSettings.Where(args.Has)));
            foreach (string message in TrainingRules.Check(loss))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Loss, -1, message));
            }

            return loss;
        }

        public static OptimizerSpec? ReadOptimizer(DeclaredArguments args, List<ModelProblem> problems)
        {
            int optimizerKind = args.Int(0, -1);
            if (!Enum.IsDefined(typeof(OptimizerKindSpec), optimizerKind))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Optimizer, -1, $"{args.Display}: {optimizerKind} is not an OptimizerKind"));
                return null;
            }

            var kind = (OptimizerKindSpec)optimizerKind;
            return new OptimizerSpec(
                kind,
                args.Display,
                args.Double("LearningRate", OptimizerDefaultsSpec.LearningRate(kind)),
                args.Double("Momentum", 0),
                args.Double("WeightDecay", OptimizerDefaultsSpec.WeightDecay(kind)),
                args.Bool("Nesterov", false),
                args.Double("Beta1", OptimizerDefaultsSpec.Beta1),
                args.Double("Beta2", OptimizerDefaultsSpec.Beta2),
                args.Double("Epsilon", OptimizerDefaultsSpec.Epsilon(kind)),
                args.Double("Rho", OptimizerDefaultsSpec.Rho),
                args.Double("Alpha", OptimizerDefaultsSpec.Alpha),
                args.Bool("Centered", false),
                args.Double("LearningRateDecay", 0),
                args.Double("MomentumDecay", OptimizerDefaultsSpec.MomentumDecay),
                args.Double("ClipNorm", 0),
                args.Double("ClipValue", 0),
                new EquatableArray<string>(OptimizerSettings.Where(args.Has)));
        }

        private static double[] DoubleArray(object? value)
        {
            if (value is not object?[] values)
            {
                return Array.Empty<double>();
            }

            return values.Select(v => v switch
            {
                double d => d,
                float f => f,
                int i => i,
                long l => l,
                _ => double.NaN,
            }).ToArray();
        }

        /// <summary>Reads an <c>[Initialize]</c>; <paramref name="index"/> is its position among the model's initializers.</summary>
        public static InitializerSpec? ReadInitializer(DeclaredArguments args, int index, List<ModelProblem> problems)
        {
            int weights = args.Int(0, -1);
            if (!Enum.IsDefined(typeof(WeightInitSpec), weights))
            {
                problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Initializer, index, $"{args.Display}: {weights} is not a WeightInit"));
                return null;
            }

            return new InitializerSpec((WeightInitSpec)weights, args.Double("Bias", 0), args.String("Layer"), args.Display);
        }
    }
}

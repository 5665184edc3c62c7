using System.Collections.Generic;
using System.Text;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>The training declaration of a random model, if any.</summary>
    internal enum StackTraining
    {
        None,
        SgdMse,
        AdamMse,
    }

    /// <summary>A randomly drawn model declaration: input shape, layers in order, training.</summary>
    /// <param name="Input">The per-sample input shape (C, H, W or F).</param>
    /// <param name="Layers">The layers in source order.</param>
    /// <param name="Training">Whether and how a loss and an optimizer are declared.</param>
    internal sealed record StackModel(int[] Input, StackLayer[] Layers, StackTraining Training)
    {
        /// <summary>The class declaration with its attributes, one layer per line.</summary>
        public void Write(StringBuilder source, string className)
        {
            source.AppendLine($"    [Model({string.Join(", ", Input)})]");
            foreach (StackLayer layer in Layers)
            {
                source.AppendLine($"    [{layer.Attribute()}]");
            }

            switch (Training)
            {
                case StackTraining.SgdMse:
                    source.AppendLine("    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD, LearningRate = 0.01, Momentum = 0.9)]");
                    break;
                case StackTraining.AdamMse:
                    source.AppendLine("    [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]");
                    break;
            }

            source.AppendLine($"    public partial class {className};");
        }

        /// <summary>The model's declaration alone, for failure messages.</summary>
        public override string ToString()
        {
            var source = new StringBuilder();
            Write(source, "M");
            return source.ToString();
        }
    }

    /// <summary>A batch of random models compiled together: one C# file, classes M0, M1, ….</summary>
    internal static class StackSource
    {
        public const string Namespace = "ModelGen.Parity.Random";

        public static string ClassName(int index) => $"M{index}";

        public static string Write(IReadOnlyList<StackModel> models)
        {
            var source = new StringBuilder();
            source.AppendLine("using ModelGen;");
            source.AppendLine();
            source.AppendLine($"namespace {Namespace}");
            source.AppendLine("{");
            for (int i = 0; i < models.Count; i++)
            {
                if (i > 0)
                {
                    source.AppendLine();
                }

                models[i].Write(source, ClassName(i));
            }

            source.AppendLine("}");
            return source.ToString();
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        /// <summary>Writes the torchinfo/Keras-style table as a constant, computed at compile time.</summary>
        private static void WriteSummary(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>A table of the layers with output shapes and parameter counts, in the spirit of torchinfo and Keras.</summary>");
            writer.WriteLine("public const string Summary =");
            using (writer.Indent())
            {
                List<string> lines = SummaryLines(plan);
                for (int i = 0; i < lines.Count; i++)
                {
                    writer.WriteLine(CSharp.Literal(lines[i] + "\n") + (i == lines.Count - 1 ? ";" : " +"));
                }
            }
        }

        internal static List<string> SummaryLines(ModelPlan plan)
        {
            var rows = new List<string[]> { new[] { "Layer (field)", "Declaration", "Output shape", "Param #", "Mult-Adds" } };
            rows.Add(new[] { "input", ModelDeclaration(plan.Spec), Shape.Format(plan.Spec.InputShape, plan.Spec.SequenceLength), "0", "0" });
            foreach (LayerPlan layer in plan.Layers)
            {
                rows.Add(new[] { $"{layer.FieldName} ({layer.Spec.Kind})", layer.Spec.Display, Shape.Format(layer.OutputShape, plan.Spec.SequenceLength), Numbers.Grouped(layer.Parameters), Numbers.Grouped(layer.Counts.MultAdds) });
            }

            int[] widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
            int total = widths.Sum() + (4 * 2);
            string Row(string[] r) =>
                $"{r[0].PadRight(widths[0])}  {r[1].PadRight(widths[1])}  {r[2].PadRight(widths[2])}  {r[3].PadLeft(widths[3])}  {r[4].PadLeft(widths[4])}".TrimEnd();

            var lines = new List<string>
            {
                $"Model: {plan.Spec.Name}",
                new string('=', total),
                Row(rows[0]),
                new string('-', total),
            };
            lines.AddRange(rows.Skip(1).Select(Row));
            lines.Add(new string('=', total));
            lines.Add($"Total params: {Numbers.Grouped(plan.TotalParameters)}");
            lines.Add($"Trainable params: {Numbers.Grouped(plan.TotalParameters)}");
            lines.Add($"Non-trainable (buffers): {Numbers.Grouped(plan.TotalBuffers)}");
            lines.Add($"Total mult-adds: {Numbers.Grouped(plan.TotalMultAdds)}    Weight mult-adds: {Numbers.Grouped(plan.TotalWeightMultAdds)}");
            lines.Add(new string('-', total));
            lines.Add($"Params size (bytes): {Numbers.Grouped(plan.ParameterBytes)}    Buffers size (bytes): {Numbers.Grouped(plan.BufferBytes)}");
            lines.Add($"Forward/backward pass size per sample (bytes): {Numbers.Grouped(plan.ForwardBackwardBytes)}");
            lines.Add($"Input shape: {Shape.Format(plan.Spec.InputShape, plan.Spec.SequenceLength)}    Output shape: {Shape.Format(plan.OutputShape, plan.Spec.SequenceLength)}");
            if (plan.Spec.Input == InputKindSpec.TokenIds)
            {
                lines.Add("Input: token ids (int64)");
            }

            if (plan.Spec.SequenceLength is not null)
            {
                lines.Add($"Counts are per position ({plan.Spec.SequenceLength} = 1): mult-adds and pass sizes of the layers over the sequence scale with {plan.Spec.SequenceLength}");
            }
            if (plan.Spec.Loss is not null && plan.Spec.Optimizer is not null)
            {
                lines.Add($"Loss: {plan.Spec.Loss.Display}    Optimizer: {plan.Spec.Optimizer.Display}");
            }

            lines.Add(new string('=', total));
            return lines;
        }

        /// <summary>The [Model] declaration for the input row: <c>Model(1, 28, 28)</c>, <c>Model(300, SequenceLength = "L")</c>, <c>Model(SequenceLength = "L", Input = TokenIds)</c>.</summary>
        private static string ModelDeclaration(ModelSpec spec)
        {
            var arguments = new List<string>(spec.InputShape.Skip(spec.SequenceLength is null ? 0 : 1).Select(d => Numbers.Format(d)));
            if (spec.SequenceLength is not null)
            {
                arguments.Add($"SequenceLength = {CSharp.Literal(spec.SequenceLength)}");
            }

            if (spec.Input == InputKindSpec.TokenIds)
            {
                arguments.Add("Input = TokenIds");
            }

            return $"Model({string.Join(", ", arguments)})";
        }
    }
}

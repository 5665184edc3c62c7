using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ModelGen
{
    /// <summary>
    /// Exports a generated model's compile-time summary (its layer table and costs) as Markdown or
    /// JSON, for reports, notebooks and tools. <see cref="IGeneratedModel.Summary"/> is the same
    /// information as a fixed-width table.
    /// </summary>
    public static class ModelSummary
    {
        private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

        /// <summary>The layer table and totals as a Markdown table, torchinfo's columns.</summary>
        /// <param name="model">A generated model.</param>
        /// <returns>Markdown text ending with a newline.</returns>
        public static string ToMarkdown(this IGeneratedModel model)
        {
            var text = new StringBuilder();
            text.Append("### ").Append(model.ModelName).Append('\n').Append('\n');
            text.Append("| layer | kind | declaration | input | output | params | buffers | mult-adds |\n");
            text.Append("| --- | --- | --- | --- | --- | ---: | ---: | ---: |\n");
            foreach (LayerInfo layer in model.LayerTable)
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{layer.Field}` | {layer.Kind} | `{layer.Declaration}` | {layer.InputShape} | {layer.OutputShape} | {Grouped(layer.Parameters)} | {Grouped(layer.Buffers)} | {Grouped(layer.MultAdds)} |\n");
            }

            ModelCosts costs = model.Costs;
            text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"- Input {model.InputShape}, output {model.OutputShape}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Parameters: {Grouped(costs.Parameters)} ({Grouped(costs.ParameterBytes)} bytes)\n");
            text.Append(CultureInfo.InvariantCulture, $"- Buffers (non-trainable): {Grouped(costs.Buffers)} ({Grouped(costs.BufferBytes)} bytes)\n");
            text.Append(CultureInfo.InvariantCulture, $"- Mult-adds per sample: {Grouped(costs.MultAdds)}; weight mult-adds: {Grouped(costs.WeightMultAdds)}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Forward/backward pass size per sample: {Grouped(costs.ForwardBackwardBytes)} bytes\n");
            text.Append('\n').Append("```mermaid\n").Append(model.Diagram).Append("```\n");
            return text.ToString();
        }

        /// <summary>The layer table and totals as indented JSON (numbers as numbers, shapes as arrays).</summary>
        /// <param name="model">A generated model.</param>
        /// <returns>JSON text.</returns>
        public static string ToJson(this IGeneratedModel model)
        {
            var document = new Dictionary<string, object>
            {
                ["model"] = model.ModelName,
                ["inputShape"] = model.InputShape.ToArray(),
                ["outputShape"] = model.OutputShape.ToArray(),
                ["layers"] = model.LayerTable.Select(layer => new Dictionary<string, object>
                {
                    ["field"] = layer.Field,
                    ["kind"] = layer.Kind,
                    ["declaration"] = layer.Declaration,
                    ["inputShape"] = layer.InputShape.ToArray(),
                    ["outputShape"] = layer.OutputShape.ToArray(),
                    ["parameters"] = layer.Parameters,
                    ["buffers"] = layer.Buffers,
                    ["multAdds"] = layer.MultAdds,
                    ["weightMultAdds"] = layer.WeightMultAdds,
                }).ToArray(),
                ["totals"] = new Dictionary<string, long>
                {
                    ["parameters"] = model.Costs.Parameters,
                    ["buffers"] = model.Costs.Buffers,
                    ["multAdds"] = model.Costs.MultAdds,
                    ["weightMultAdds"] = model.Costs.WeightMultAdds,
                    ["parameterBytes"] = model.Costs.ParameterBytes,
                    ["bufferBytes"] = model.Costs.BufferBytes,
                    ["forwardBackwardBytes"] = model.Costs.ForwardBackwardBytes,
                },
            };
            return JsonSerializer.Serialize(document, JsonOptions);
        }

        private static string Grouped(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    }
}

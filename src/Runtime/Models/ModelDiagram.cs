using System.Globalization;
using System.Text;

namespace ModelGen
{
    /// <summary>Mermaid flowcharts of generated models.</summary>
    public static class ModelDiagram
    {
        /// <summary>
        /// A stack's diagram: the input, then each row of the layer table (field · kind) in order,
        /// the per-sample shape on every edge; the same drawing the generator writes for a graph.
        /// </summary>
        /// <param name="model">A generated model.</param>
        /// <returns>The flowchart's text, one statement per line.</returns>
        public static string Chain(IGeneratedModel model)
        {
            var text = new StringBuilder("flowchart TB\n");
            text.Append(CultureInfo.InvariantCulture, $"    n0[/\"{Escape($"input {model.InputShape}")}\"/]\n");
            for (int i = 0; i < model.LayerTable.Count; i++)
            {
                LayerInfo layer = model.LayerTable[i];
                text.Append(CultureInfo.InvariantCulture, $"    n{i + 1}[\"{Escape($"{layer.Field} · {layer.Kind}")}\"]\n");
                text.Append(CultureInfo.InvariantCulture, $"    n{i} -->|\"{Escape(layer.InputShape.ToString())}\"| n{i + 1}\n");
            }

            return text.ToString();
        }

        private static string Escape(string text) => text.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");
    }
}

using System.Collections.Generic;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        /// <summary>
        /// Whether the model is more than a stack (blocks, branches, reuse, segments): such a model
        /// gets its Mermaid diagram as a constant. A stack's diagram is its layer table drawn as a
        /// chain, which <c>IGeneratedModel.Diagram</c> does, so stacks keep their generated code.
        /// </summary>
        private static bool IsGraph(ModelPlan plan) => plan.Layers.Any(layer => layer.Topology is not null || !layer.Entry.OwnsModule);

        private static void WriteDiagram(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>The model's graph as a Mermaid flowchart: shapes on the edges, blocks and branches as subgraphs (render it where Markdown renders Mermaid).</summary>");
            writer.WriteLine("public const string Diagram =");
            using (writer.Indent())
            {
                List<string> lines = MermaidDiagram.Of(plan);
                for (int i = 0; i < lines.Count; i++)
                {
                    writer.WriteLine(CSharp.Literal(lines[i] + "\n") + (i == lines.Count - 1 ? ";" : " +"));
                }
            }
        }
    }
}

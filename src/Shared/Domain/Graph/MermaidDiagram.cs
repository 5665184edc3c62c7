using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Domain
{
    /// <summary>
    /// A model's graph as a Mermaid flowchart, as Keras' <c>plot_model</c> draws it: one node per
    /// layer (field · kind), the per-sample shape on every edge, blocks and branches as subgraphs,
    /// a residual sum or a concatenation as a round node. Written at compile time.
    /// </summary>
    internal sealed class MermaidDiagram
    {
        private readonly List<string> _lines = new() { "flowchart TB" };
        private readonly string? _lengthName;
        private int _next;

        private MermaidDiagram(string? lengthName) => _lengthName = lengthName;

        /// <summary>The diagram's lines.</summary>
        public static List<string> Of(ModelPlan plan)
        {
            var diagram = new MermaidDiagram(plan.Spec.SequenceLength);
            string input = diagram.Node($"input {diagram.Format(plan.Spec.InputShape)}", "[/", "/]", 1);
            diagram.Chain(plan.Layers, input, plan.Spec.InputShape, 1, string.Empty);
            return diagram._lines;
        }

        private (string Node, EquatableArray<int> Shape) Chain(IEnumerable<LayerPlan> layers, string from, EquatableArray<int> shape, int depth, string path)
        {
            foreach (LayerPlan layer in layers)
            {
                (from, shape) = Step(layer, from, shape, depth, path);
            }

            return (from, shape);
        }

        private (string Node, EquatableArray<int> Shape) Step(LayerPlan layer, string from, EquatableArray<int> shape, int depth, string path)
        {
            string field = path + layer.FieldName;
            TopologyPlan? topology = layer.Topology;
            if (!layer.Entry.OwnsModule && topology?.Reused is null)
            {
                // A segment of a hand-written forward: a new input, not fed by the layer above.
                return (Node($"{layer.Spec.Display} {Format(layer.OutputShape)}", "[/", "/]", depth), layer.OutputShape);
            }

            if (topology is null || topology.Reused is not null)
            {
                string label = topology?.Reused is LayerPlan reused ? $"{reused.FieldName} · {reused.Spec.Kind} (again, shared weights)" : $"{field} · {layer.Spec.Kind}";
                string node = Node(label, "[", "]", depth);
                Edge(from, node, shape);
                return (node, layer.OutputShape);
            }

            string outer = Subgraph($"{field} · {layer.Spec.Kind}", depth);
            int inner = depth + 1;
            if (layer.Spec is BranchesSpec branches)
            {
                string join = Node(branches.Entry == BranchesEntry.Concat ? "concat" : "+", "((", "))", inner);
                if (branches.IncludeInput)
                {
                    Edge(from, join, shape);
                }

                for (int i = 0; i < topology.Blocks.Count; i++)
                {
                    BlockPlan block = topology.Blocks[i];
                    Subgraph($"{field}.{i} · {block.Block.Name}", inner);
                    (string end, EquatableArray<int> output) = Block(block, from, shape, inner + 1, $"{field}.{i}.");
                    End(inner);
                    Edge(end, join, output);
                }

                End(depth);
                return (join, layer.OutputShape);
            }

            var use = (BlockUseSpec)layer.Spec;
            for (int i = 0; i < topology.Blocks.Count; i++)
            {
                BlockPlan block = topology.Blocks[i];
                string prefix = use.Repeated ? $"{field}.{i}." : field + ".";
                if (use.Repeated)
                {
                    Subgraph($"{field}.{i} · {block.Block.Name}", inner);
                }

                (from, shape) = Block(block, from, shape, use.Repeated ? inner + 1 : inner, prefix);
                if (use.Repeated)
                {
                    End(inner);
                }
            }

            End(depth);
            return (from, shape);
        }

        private (string Node, EquatableArray<int> Shape) Block(BlockPlan block, string from, EquatableArray<int> shape, int depth, string path)
        {
            string input = from;
            EquatableArray<int> inputShape = shape;
            int at = block.Block.Shortcut?.At ?? -1;
            for (int i = 0; i <= block.Body.Count; i++)
            {
                if (i == at)
                {
                    string sum = Node("+", "((", "))", depth);
                    Edge(from, sum, shape);
                    if (block.Projection.Count == 0)
                    {
                        Edge(input, sum, inputShape, dotted: true);
                    }
                    else
                    {
                        string projection = Node($"{path}{block.Block.Shortcut!.FieldName} · {block.Projection[0].Spec.Display} + {block.Projection[1].Spec.Kind}", "[", "]", depth);
                        Edge(input, projection, inputShape, dotted: true);
                        Edge(projection, sum, shape);
                    }

                    from = sum;
                }

                if (i < block.Body.Count)
                {
                    (from, shape) = Step(block.Body[i], from, shape, depth, path);
                }
            }

            return (from, shape);
        }

        private string Node(string label, string open, string close, int depth)
        {
            string id = "n" + (_next++).ToString(CultureInfo.InvariantCulture);
            _lines.Add($"{Indent(depth)}{id}{open}\"{Escape(label)}\"{close}");
            return id;
        }

        private string Subgraph(string label, int depth)
        {
            string id = "s" + (_next++).ToString(CultureInfo.InvariantCulture);
            _lines.Add($"{Indent(depth)}subgraph {id}[\"{Escape(label)}\"]");
            return id;
        }

        private void End(int depth) => _lines.Add($"{Indent(depth)}end");

        private void Edge(string from, string to, EquatableArray<int> shape, bool dotted = false) =>
            _lines.Add($"    {from} {(dotted ? "-.->" : "-->")}|\"{Escape(Format(shape))}\"| {to}");

        private string Format(EquatableArray<int> shape) => Shape.Format(shape, _lengthName);

        private static string Indent(int depth) => new(' ', 4 * depth);

        private static string Escape(string text) => text.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");
    }
}

using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Domain
{
    internal sealed partial class BranchesEntry
    {
        /// <summary>
        /// Every branch on the same input (<see cref="BlockOnnx"/>, weights under the branch's index:
        /// <c>inception.1.conv1.weight</c>), the input first when it joins, then <c>Concat</c> along
        /// the plan's batched join dimension (1: the channels of a map or the features of a vector;
        /// −1: the features of an L×F sequence), or <c>Sum</c>.
        /// </summary>
        public override string? Onnx(LayerPlan layer, OnnxGraph graph, string input)
        {
            var branches = (BranchesSpec)layer.Spec;
            TopologyPlan topology = layer.Topology!;
            string scope = graph.Scope;
            var terms = new List<string>();
            if (branches.IncludeInput)
            {
                terms.Add(input);
            }

            for (int i = 0; i < topology.Blocks.Count; i++)
            {
                string index = "." + i.ToString(CultureInfo.InvariantCulture);
                string? output = BlockOnnx.Map(topology.Blocks[i], graph, input, layer.FieldName + index, scope + index);
                if (output is null)
                {
                    graph.Unmapped = $"{branches.Display}: {graph.Unmapped}";
                    return null;
                }

                terms.Add(output);
            }

            graph.Scope = scope;
            if (Concatenates)
            {
                return graph.Last("Concat", terms, OnnxMap.Int("axis", topology.JoinDimension));
            }

            return graph.Last(terms.Count == 1 ? "Identity" : "Sum", terms);
        }
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class BlockUseEntry
    {
        /// <summary>
        /// Each instance's nodes in turn (<see cref="BlockOnnx"/>): a <c>Block</c> under its field
        /// (<c>stage2.conv1.weight</c>), a <c>Repeat</c>'s instances under the Sequential's indices
        /// (<c>layer1.0.conv1.weight</c>, <c>layer1.1.conv1.weight</c>). A block whose forward is
        /// written by hand has no graph, so the model has none either.
        /// </summary>
        public override string? Onnx(LayerPlan layer, OnnxGraph graph, string input)
        {
            var use = (BlockUseSpec)layer.Spec;
            string scope = graph.Scope;
            string current = input;
            for (int i = 0; i < layer.Topology!.Blocks.Count; i++)
            {
                string index = use.Repeated ? "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                string? next = BlockOnnx.Map(layer.Topology.Blocks[i], graph, current, layer.FieldName + index, scope + index);
                if (next is null)
                {
                    graph.Unmapped = $"{use.Display}: {graph.Unmapped}";
                    return null;
                }

                current = next;
            }

            return current;
        }
    }
}

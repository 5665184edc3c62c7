namespace ModelGen.Domain
{
    internal sealed partial class ReuseEntry
    {
        /// <summary>
        /// The reused layer's own mapping on the new input, its nodes named after the reuse and its
        /// weights by the reused layer's keys, so the initializers are the ones its first
        /// application wrote (<see cref="OnnxGraph.Weight(string)"/> gives a key's initializer
        /// once), never a copy.
        /// </summary>
        public override string? Onnx(LayerPlan layer, OnnxGraph graph, string input)
        {
            if (layer.Topology?.Reused is not LayerPlan target)
            {
                return null;
            }

            return target.Entry.Onnx(target with { InputShape = layer.InputShape, OutputShape = layer.OutputShape }, graph, input);
        }
    }
}

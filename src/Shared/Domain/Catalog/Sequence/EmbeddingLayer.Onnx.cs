namespace ModelGen.Domain
{
    internal sealed partial class EmbeddingLayer
    {
        /// <summary><c>Gather(weight, ids, axis = 0)</c>; the model's input is int64 token ids (N×L).</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input) =>
            graph.Last("Gather", new[] { graph.Weight(layer.FieldName + ".weight"), input }, OnnxMap.Int("axis", 0));
    }
}

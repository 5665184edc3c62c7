namespace ModelGen.Domain
{
    internal abstract partial class LayerEntry
    {
        /// <summary>
        /// The kind's ONNX mapping in evaluation mode: adds the layer's node(s), attributes and
        /// initializers (with any layout change) to <paramref name="graph"/> and returns the name
        /// of the layer's output value, or null when the kind (or this use of it) has no mapping,
        /// which keeps <c>ExportOnnx</c> out of the model (diagnostic MG0015). The graph's
        /// <see cref="OnnxGraph.Scope"/> is the layer's path (<c>conv1</c>, <c>layer1.0.conv1</c>)
        /// and <see cref="OnnxGraph.Weight(string)"/> prepends the enclosing module's state_dict
        /// prefix, so an entry asks for <c>{field}.weight</c> at any depth and the last node's output
        /// is named after the path. Graph constructs (blocks, branches, reuse) override it too.
        /// </summary>
        /// <param name="layer">The layer, after inference (shapes, input features).</param>
        /// <param name="graph">The graph being built.</param>
        /// <param name="input">The name of the layer's input value.</param>
        public virtual string? Onnx(LayerPlan layer, OnnxGraph graph, string input) => null;
    }

    internal abstract partial class LayerEntry<TSpec>
    {
        public sealed override string? Onnx(LayerPlan layer, OnnxGraph graph, string input) => Onnx((TSpec)layer.Spec, layer, graph, input);

        /// <summary>The typed <see cref="LayerEntry.Onnx(LayerPlan, OnnxGraph, string)"/>; null: no mapping.</summary>
        protected virtual string? Onnx(TSpec spec, LayerPlan layer, OnnxGraph graph, string input) => null;
    }
}

namespace ModelGen.Domain
{
    internal sealed partial class ActivationLayer
    {
        /// <summary>PyTorch's SELU constants (ONNX's defaults are rounded differently, so they are written).</summary>
        private const double SeluAlpha = 1.6732632423543772848170429916717;
        private const double SeluGamma = 1.0507009873554804934193349852946;

        /// <summary>
        /// <c>Relu</c>, <c>Sigmoid</c>, <c>Tanh</c>, <c>Selu</c> (PyTorch's α and λ), <c>Mish</c>
        /// (opset ≥ 18); SiLU has no operator before opset 24's Swish: <c>Mul(x, Sigmoid(x))</c>.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            switch (Name)
            {
                case "SiLU":
                    string gate = graph.Step("Sigmoid", new[] { input });
                    return graph.Last("Mul", new[] { input, gate });
                case "SELU":
                    return graph.Last("Selu", new[] { input }, OnnxMap.Float("alpha", SeluAlpha), OnnxMap.Float("gamma", SeluGamma));
                case "ReLU":
                    return graph.Last("Relu", new[] { input });
                default:
                    return graph.Last(Name, new[] { input });
            }
        }
    }
}

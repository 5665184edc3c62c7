namespace ModelGen.Domain
{
    internal sealed partial class SoftplusLayer
    {
        /// <summary>
        /// ONNX's <c>Softplus</c> has no β: β = 1 is <c>Softplus(x)</c>, any other β is
        /// <c>Div(Softplus(Mul(x, β)), β)</c>. PyTorch's threshold (linear above it) differs from the
        /// formula by less than e^−threshold, far below float precision at the default 20.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            if (spec.Beta == 1)
            {
                return graph.Last("Softplus", new[] { input });
            }

            string beta = graph.Scalar("beta", spec.Beta);
            string scaled = graph.Step("Mul", new[] { input, beta });
            string soft = graph.Step("Softplus", new[] { scaled });
            return graph.Last("Div", new[] { soft, beta });
        }
    }
}

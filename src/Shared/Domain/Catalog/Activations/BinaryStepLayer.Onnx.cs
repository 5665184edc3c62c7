namespace ModelGen.Domain
{
    internal sealed partial class BinaryStepLayer
    {
        /// <summary>(Sign(x) + 1) / 2 with x = 0 replaced by the value at zero: <c>Where(Equal(x, 0), v, Mul(Add(Sign(x), 1), 0.5))</c>. NaN stays NaN.</summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            string sign = graph.Step("Sign", new[] { input });
            string shifted = graph.Step("Add", new[] { sign, graph.Scalar("one", 1) });
            string step = graph.Step("Mul", new[] { shifted, graph.Scalar("half", 0.5) });
            string zero = graph.Step("Equal", new[] { input, graph.Scalar("zero", 0) });
            return graph.Last("Where", new[] { zero, graph.Scalar("at_zero", spec.ValueAtZero), step });
        }
    }
}

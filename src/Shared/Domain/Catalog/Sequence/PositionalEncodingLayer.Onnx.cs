using System;
using System.Linq;

namespace ModelGen.Domain
{
    internal sealed partial class PositionalEncodingLayer
    {
        /// <summary>
        /// The sinusoidal table computed in the graph for the input's length (so a symbolic length
        /// works): positions <c>Range(0, L)</c> times the D/2 frequencies e^(−2i·ln 10000 / D),
        /// <c>Sin</c> and <c>Cos</c> interleaved (sin at even, cos at odd features), cut to D, added
        /// to the input. In float32 where the runtime computes the angles in float64: the difference
        /// grows with the position (about L·6e−8).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int dimension = layer.InputShape[1];
            if (dimension <= 0)
            {
                return null;
            }

            int half = (dimension + 1) / 2;
            double[] frequencies = Enumerable.Range(0, half).Select(i => Math.Exp(2 * i * (-Math.Log(10000.0) / dimension))).ToArray();
            string shape = graph.Step("Shape", new[] { input });
            string length = graph.Step("Gather", new[] { shape, graph.Int64Scalar("length_axis", 1) }, OnnxMap.Int("axis", 0));
            string positions = graph.Step("Range", new[] { graph.Int64Scalar("start", 0), length, graph.Int64Scalar("delta", 1) });
            string floats = graph.Step("Cast", new[] { positions }, OnnxMap.Int("to", 1));
            string column = graph.Step("Unsqueeze", new[] { floats, graph.Int64s("column_axis", 1) });
            string angles = graph.Step("Mul", new[] { column, graph.Floats("frequencies", new long[] { 1, half }, frequencies) });
            string last = graph.Int64s("pair_axis", 2);
            string sin = graph.Step("Unsqueeze", new[] { graph.Step("Sin", new[] { angles }), last });
            string cos = graph.Step("Unsqueeze", new[] { graph.Step("Cos", new[] { angles }), last });
            string pairs = graph.Step("Concat", new[] { sin, cos }, OnnxMap.Int("axis", 2));
            string table = graph.Step("Reshape", new[] { pairs, graph.Int64s("table_shape", 0, -1) });
            if (dimension % 2 == 1)
            {
                table = graph.Step("Slice", new[] { table, graph.Int64s("starts", 0), graph.Int64s("ends", dimension), graph.Int64s("axes", 1) });
            }

            return graph.Last("Add", new[] { input, table });
        }
    }
}

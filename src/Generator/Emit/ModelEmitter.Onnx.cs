using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        private const string Onnx = "global::ModelGen.Onnx";

        /// <summary>
        /// <c>ExportOnnx(path)</c>, <c>ExportOnnx(stream)</c> and <c>OnnxGraph()</c>, the graph as
        /// planned at compile time (each layer's nodes from its catalog entry). Nothing when a layer
        /// has no mapping (the analyzer reports MG0015 then).
        /// </summary>
        private static void WriteOnnxExport(ModelPlan plan, IndentedWriter writer)
        {
            OnnxExport export = OnnxExportPlan.Build(plan);
            if (export.Graph is not OnnxGraph graph)
            {
                return;
            }

            string input = Describe(export.Input);
            string output = Describe(export.Output);
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// Writes the model, with its weights as they are now, as an ONNX file (opset {OnnxGraph.Opset}, IR version {OnnxGraph.IrVersion}) for");
            writer.WriteLine("/// ONNX Runtime and other ONNX servers, in evaluation mode (dropout is the identity, batch");
            writer.WriteLine($"/// norm uses its running statistics). Input {CSharp.Literal(OnnxGraph.InputName)}: {CSharp.Xml(input)}; output {CSharp.Literal(OnnxGraph.OutputName)}: {CSharp.Xml(output)}.");
            writer.WriteLine("/// The file is written next to <paramref name=\"path\"/> and renamed, so an interrupted export leaves no half file.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"path\">Where to write the <c>.onnx</c> file.</param>");
            writer.WriteLine($"public void ExportOnnx(string path) => {Onnx}.OnnxExporter.ExportFile(this, OnnxGraph(), path);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Writes the model as ONNX to <paramref name=\"stream\"/>: see <see cref=\"ExportOnnx(string)\"/>.</summary>");
            writer.WriteLine("/// <param name=\"stream\">Where to write the ONNX bytes.</param>");
            writer.WriteLine($"public void ExportOnnx(global::System.IO.Stream stream) => {Onnx}.OnnxExporter.Export(this, OnnxGraph(), stream);");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The ONNX graph planned at compile time: {graph.Nodes.Count} nodes; weights are named by their state_dict keys and read when exporting.</summary>");
            using (writer.Block($"public static {Onnx}.OnnxGraphPlan OnnxGraph()"))
            {
                writer.WriteLine($"var graph = new {Onnx}.OnnxGraphPlan({CSharp.Literal(plan.Spec.Name)}, opset: {OnnxGraph.Opset}, irVersion: {OnnxGraph.IrVersion});");
                writer.WriteLine($"graph.Input({Value(export.Input)});");
                writer.WriteLine($"graph.Output({Value(export.Output)});");
                foreach (OnnxInitializer initializer in graph.Initializers)
                {
                    writer.WriteLine($"graph.{Initializer(initializer)};");
                }

                foreach (OnnxNode node in graph.Nodes)
                {
                    writer.WriteLine($"graph.{Node(node)};");
                }

                writer.WriteLine("return graph;");
            }
        }

        private static string Describe(OnnxValue value) =>
            $"{(value.Int64 ? "int64" : "float")} {string.Join("×", value.Dims.Select(d => d.ToString()))}";

        private static string Value(OnnxValue value) =>
            $"{CSharp.Literal(value.Name)}, int64: {CSharp.Literal(value.Int64)}, {string.Join(", ", value.Dims.Select(Dim))}";

        private static string Dim(OnnxDim dim) => dim.Name is null ? CSharp.Literal(dim.Value) : CSharp.Literal(dim.Name);

        private static string Initializer(OnnxInitializer initializer)
        {
            if (initializer.IsConstant)
            {
                return initializer.IsInt64
                    ? $"Int64s({CSharp.Literal(initializer.Name)}, {Longs(initializer.Dims)}, {Longs(initializer.IntValues)})"
                    : $"Floats({CSharp.Literal(initializer.Name)}, {Longs(initializer.Dims)}, {FloatArray(initializer.FloatValues)})";
            }

            if (initializer.Sources.Count == 1 && initializer.Sources[0] == initializer.Name && initializer.GateOrder.Count == 0 && !initializer.Transpose && initializer.Dims.Count == 0)
            {
                return $"Weight({CSharp.Literal(initializer.Name)})";
            }

            return $"Weight({CSharp.Literal(initializer.Name)}, new[] {{ {string.Join(", ", initializer.Sources.Select(CSharp.Literal))} }}, " +
                   $"gateOrder: {Ints(initializer.GateOrder)}, transpose: {CSharp.Literal(initializer.Transpose)}, dims: {Longs(initializer.Dims)})";
        }

        private static string Node(OnnxNode node)
        {
            var arguments = new List<string>
            {
                CSharp.Literal(node.Op),
                CSharp.Literal(node.Name),
                $"new[] {{ {string.Join(", ", node.Inputs.Select(CSharp.Literal))} }}",
                $"new[] {{ {string.Join(", ", node.Outputs.Select(CSharp.Literal))} }}",
            };
            arguments.AddRange(node.Attributes.Select(Attribute));
            return $"Node({string.Join(", ", arguments)})";
        }

        private static string Attribute(OnnxAttribute attribute)
        {
            string name = CSharp.Literal(attribute.Name);
            return attribute.Kind switch
            {
                OnnxAttributeKind.Int => $"{Onnx}.OnnxAttributeValue.Int({name}, {CSharp.Literal(attribute.Ints[0])})",
                OnnxAttributeKind.Float => $"{Onnx}.OnnxAttributeValue.Float({name}, {FloatLiteral(attribute.Floats[0])})",
                OnnxAttributeKind.String => $"{Onnx}.OnnxAttributeValue.String({name}, {CSharp.Literal(attribute.Text)})",
                OnnxAttributeKind.Ints => $"{Onnx}.OnnxAttributeValue.Ints({name}, {Longs(attribute.Ints)})",
                OnnxAttributeKind.Strings => $"{Onnx}.OnnxAttributeValue.Strings({name}, {string.Join(", ", attribute.Text.Split('\n').Select(CSharp.Literal))})",
                _ => $"{Onnx}.OnnxAttributeValue.Floats({name}, {FloatArray(attribute.Floats)})",
            };
        }

        private static string Longs(EquatableArray<long> values) =>
            values.Count == 0 ? "global::System.Array.Empty<long>()" : $"new long[] {{ {string.Join(", ", values.Select(v => CSharp.Literal(v)))} }}";

        private static string Ints(EquatableArray<int> values) =>
            values.Count == 0 ? "global::System.Array.Empty<int>()" : $"new int[] {{ {string.Join(", ", values.Select(v => CSharp.Literal(v)))} }}";

        private static string FloatArray(EquatableArray<double> values) =>
            values.Count == 0 ? "global::System.Array.Empty<float>()" : $"new float[] {{ {string.Join(", ", values.Select(FloatLiteral))} }}";

        /// <summary>A float literal that round-trips the float32 value: <c>0.5f</c>, <c>1E-05f</c>.</summary>
        private static string FloatLiteral(double value)
        {
            float single = (float)value;
            if (float.IsPositiveInfinity(single))
            {
                return "float.PositiveInfinity";
            }

            if (float.IsNegativeInfinity(single))
            {
                return "float.NegativeInfinity";
            }

            return single.ToString("R", CultureInfo.InvariantCulture) + "f";
        }
    }
}

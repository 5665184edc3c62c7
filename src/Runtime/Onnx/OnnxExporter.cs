using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Onnx
{
    /// <summary>
    /// Writes a generated model's compile-time ONNX graph (<c>OnnxGraph()</c>) with the module's
    /// current weights as an ONNX <c>ModelProto</c>. The protobuf encoding comes from
    /// Google.Protobuf's <see cref="CodedOutputStream"/>; the messages are assembled here from the
    /// field numbers of the ONNX specification (<see cref="OnnxFields"/>), so no third-party
    /// <c>.proto</c> file and no generated classes are involved. Generated code calls this
    /// through <c>ExportOnnx(path)</c> and <c>ExportOnnx(stream)</c>.
    /// </summary>
    public static class OnnxExporter
    {
        /// <summary>The producer name stamped in every file.</summary>
        public const string ProducerName = "ModelGen";

        /// <summary>
        /// Writes the model to <paramref name="path"/>: to a temporary file in the same folder,
        /// then renamed over <paramref name="path"/>, so an interrupted export never leaves a half file.
        /// </summary>
        /// <param name="module">The module whose state_dict holds the weights.</param>
        /// <param name="graph">The compile-time graph.</param>
        /// <param name="path">The file to write.</param>
        public static void ExportFile(nn.Module module, OnnxGraphPlan graph, string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(folder);
            string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
                {
                    Export(module, graph, stream);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, full, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }

        /// <summary>Writes the model's ONNX bytes to <paramref name="stream"/> (left open).</summary>
        /// <param name="module">The module whose state_dict holds the weights.</param>
        /// <param name="graph">The compile-time graph.</param>
        /// <param name="stream">Where to write.</param>
        public static void Export(nn.Module module, OnnxGraphPlan graph, Stream stream)
        {
            ArgumentNullException.ThrowIfNull(module);
            ArgumentNullException.ThrowIfNull(graph);
            ArgumentNullException.ThrowIfNull(stream);
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; exporting on a big-endian machine is not supported.");
            }

            Dictionary<string, Tensor> state = module.state_dict();
            ProtoMessage model = Model(graph, state);
            var output = new CodedOutputStream(stream, leaveOpen: true);
            model.WriteTo(output);
            output.Flush();
        }

        /// <summary>The ONNX bytes of the model, in memory.</summary>
        /// <param name="module">The module whose state_dict holds the weights.</param>
        /// <param name="graph">The compile-time graph.</param>
        public static byte[] ToBytes(nn.Module module, OnnxGraphPlan graph)
        {
            using var stream = new MemoryStream();
            Export(module, graph, stream);
            return stream.ToArray();
        }

        private static ProtoMessage Model(OnnxGraphPlan graph, Dictionary<string, Tensor> state)
        {
            var model = new ProtoMessage()
                .Int64(OnnxFields.Model.IrVersion, graph.IrVersion)
                .String(OnnxFields.Model.ProducerName, ProducerName)
                .String(OnnxFields.Model.ProducerVersion, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0")
                .Message(OnnxFields.Model.OpsetImport, new ProtoMessage()
                    .String(OnnxFields.OperatorSetId.Domain, string.Empty)
                    .Int64(OnnxFields.OperatorSetId.Version, graph.Opset));

            var body = new ProtoMessage();
            foreach (OnnxNodePlan node in graph.Nodes)
            {
                body.Message(OnnxFields.Graph.Node, Node(node));
            }

            body.String(OnnxFields.Graph.Name, graph.Name);
            foreach (OnnxInitializerPlan initializer in graph.Initializers)
            {
                body.Message(OnnxFields.Graph.Initializer, Initializer(initializer, state));
            }

            foreach (OnnxValueInfo input in graph.Inputs)
            {
                body.Message(OnnxFields.Graph.Input, ValueInfo(input));
            }

            foreach (OnnxValueInfo output in graph.Outputs)
            {
                body.Message(OnnxFields.Graph.Output, ValueInfo(output));
            }

            return model.Message(OnnxFields.Model.Graph, body);
        }

        private static ProtoMessage Node(OnnxNodePlan node)
        {
            var message = new ProtoMessage();
            foreach (string input in node.Inputs)
            {
                message.String(OnnxFields.Node.Input, input);
            }

            foreach (string output in node.Outputs)
            {
                message.String(OnnxFields.Node.Output, output);
            }

            message.String(OnnxFields.Node.Name, node.Name).String(OnnxFields.Node.OpType, node.Op);
            foreach (OnnxAttributeValue attribute in node.Attributes)
            {
                message.Message(OnnxFields.Node.Attribute, Attribute(attribute));
            }

            return message;
        }

        private static ProtoMessage Attribute(OnnxAttributeValue attribute)
        {
            var message = new ProtoMessage().String(OnnxFields.Attribute.Name, attribute.Name);
            switch (attribute.Kind)
            {
                case OnnxAttributeType.Float:
                    message.Float(OnnxFields.Attribute.F, attribute.FloatValues[0]);
                    break;
                case OnnxAttributeType.Int:
                    message.Int64(OnnxFields.Attribute.I, attribute.IntValues[0]);
                    break;
                case OnnxAttributeType.String:
                    message.String(OnnxFields.Attribute.S, attribute.Text);
                    break;
                case OnnxAttributeType.Strings:
                    foreach (string text in attribute.Text.Split('\n'))
                    {
                        message.String(OnnxFields.Attribute.Strings, text);
                    }

                    break;
                case OnnxAttributeType.Floats:
                    message.PackedFloat(OnnxFields.Attribute.Floats, attribute.FloatValues);
                    break;
                default:
                    message.PackedInt64(OnnxFields.Attribute.Ints, attribute.IntValues);
                    break;
            }

            return message.Int64(OnnxFields.Attribute.Type, (int)attribute.Kind);
        }

        private static ProtoMessage ValueInfo(OnnxValueInfo value)
        {
            var shape = new ProtoMessage();
            foreach (OnnxDimension dim in value.Dims)
            {
                shape.Message(OnnxFields.TensorShape.Dim, dim.Name is null
                    ? new ProtoMessage().Int64(OnnxFields.Dimension.DimValue, dim.Size)
                    : new ProtoMessage().String(OnnxFields.Dimension.DimParam, dim.Name));
            }

            var tensor = new ProtoMessage()
                .Int64(OnnxFields.TensorType.ElemType, value.Int64 ? OnnxFields.DataType.Int64 : OnnxFields.DataType.Float)
                .Message(OnnxFields.TensorType.Shape, shape);
            return new ProtoMessage()
                .String(OnnxFields.ValueInfo.Name, value.Name)
                .Message(OnnxFields.ValueInfo.Type, new ProtoMessage().Message(OnnxFields.Type.TensorType, tensor));
        }

        private static ProtoMessage Initializer(OnnxInitializerPlan initializer, Dictionary<string, Tensor> state)
        {
            var message = new ProtoMessage();
            if (initializer.IntValues is long[] ints)
            {
                return message.PackedInt64(OnnxFields.Tensor.Dims, initializer.Dims)
                    .Int64(OnnxFields.Tensor.DataType, OnnxFields.DataType.Int64)
                    .String(OnnxFields.Tensor.Name, initializer.Name)
                    .Bytes(OnnxFields.Tensor.RawData, ints.Length * 8L, () => System.Runtime.InteropServices.MemoryMarshal.AsBytes(ints.AsSpan()).ToArray());
            }

            if (initializer.FloatValues is float[] floats)
            {
                return message.PackedInt64(OnnxFields.Tensor.Dims, initializer.Dims)
                    .Int64(OnnxFields.Tensor.DataType, OnnxFields.DataType.Float)
                    .String(OnnxFields.Tensor.Name, initializer.Name)
                    .Bytes(OnnxFields.Tensor.RawData, floats.Length * 4L, () => System.Runtime.InteropServices.MemoryMarshal.AsBytes(floats.AsSpan()).ToArray());
            }

            Tensor[] sources = initializer.Sources.Select(key => state.TryGetValue(key, out Tensor? tensor)
                ? tensor
                : throw new InvalidOperationException($"ONNX export: the module has no state_dict entry '{key}' for initializer '{initializer.Name}'; the generated graph and the module disagree.")).ToArray();
            long elements = sources.Sum(t => t.numel());
            long[] dims = initializer.Dims.Length > 0 ? initializer.Dims : sources[0].shape;
            if (dims.Aggregate(1L, (a, b) => a * b) != elements)
            {
                throw new InvalidOperationException($"ONNX export: initializer '{initializer.Name}' has {elements} values for dimensions [{string.Join(", ", dims)}].");
            }

            return message.PackedInt64(OnnxFields.Tensor.Dims, dims)
                .Int64(OnnxFields.Tensor.DataType, OnnxFields.DataType.Float)
                .String(OnnxFields.Tensor.Name, initializer.Name)
                .Bytes(OnnxFields.Tensor.RawData, elements * 4, () => WeightBytes(initializer, sources));
        }

        /// <summary>The float32 little-endian bytes of the sources, each reordered by gate blocks and/or transposed, concatenated.</summary>
        private static byte[] WeightBytes(OnnxInitializerPlan initializer, Tensor[] sources)
        {
            using IDisposable noGrad = torch.no_grad();
            using DisposeScope scope = torch.NewDisposeScope();
            var parts = new List<Tensor>();
            foreach (Tensor source in sources)
            {
                Tensor part = source.detach().cpu().to_type(ScalarType.Float32);
                if (initializer.GateOrder.Length > 0)
                {
                    Tensor[] blocks = part.chunk(initializer.GateOrder.Length, 0);
                    part = torch.cat(initializer.GateOrder.Select(i => blocks[i]).ToArray(), 0);
                }

                if (initializer.Transpose)
                {
                    part = part.t();
                }

                parts.Add(part.contiguous().flatten());
            }

            Tensor all = parts.Count == 1 ? parts[0] : torch.cat(parts.ToArray(), 0);
            float[] values = all.data<float>().ToArray();
            return System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        }
    }
}

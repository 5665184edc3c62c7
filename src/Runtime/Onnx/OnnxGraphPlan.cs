using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Onnx
{
    /// <summary>A dimension of a graph input or output: a fixed size or a symbolic name (<c>N</c>, <c>L</c>).</summary>
    public readonly struct OnnxDimension : IEquatable<OnnxDimension>
    {
        private OnnxDimension(long size, string? name)
        {
            Size = size;
            Name = name;
        }

        /// <summary>The size when fixed (0 for a symbolic dimension).</summary>
        public long Size { get; }

        /// <summary>The symbolic name, or null for a fixed size.</summary>
        public string? Name { get; }

        /// <summary>A fixed size.</summary>
        public static implicit operator OnnxDimension(long size) => new(size, null);

        /// <summary>A symbolic dimension.</summary>
        public static implicit operator OnnxDimension(string name) => new(0, name);

        /// <inheritdoc />
        public bool Equals(OnnxDimension other) => Size == other.Size && Name == other.Name;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is OnnxDimension other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Size, Name);

        /// <inheritdoc />
        public override string ToString() => Name ?? Size.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A graph input or output.</summary>
    /// <param name="Name">The value's name.</param>
    /// <param name="Int64">Whether it holds int64 (token ids) rather than float.</param>
    /// <param name="Dims">The dimensions, the batch (<c>N</c>) first.</param>
    public sealed record OnnxValueInfo(string Name, bool Int64, IReadOnlyList<OnnxDimension> Dims);

    /// <summary>One node attribute.</summary>
    /// <param name="Name">The attribute's name in the operator schema.</param>
    /// <param name="Kind">What it holds.</param>
    /// <param name="IntValues">The integer(s).</param>
    /// <param name="FloatValues">The float(s).</param>
    /// <param name="Text">The string.</param>
    public sealed record OnnxAttributeValue(string Name, OnnxAttributeType Kind, long[] IntValues, float[] FloatValues, string Text)
    {
        /// <summary>An INT attribute.</summary>
        public static OnnxAttributeValue Int(string name, long value) => new(name, OnnxAttributeType.Int, new[] { value }, Array.Empty<float>(), string.Empty);

        /// <summary>A FLOAT attribute.</summary>
        public static OnnxAttributeValue Float(string name, float value) => new(name, OnnxAttributeType.Float, Array.Empty<long>(), new[] { value }, string.Empty);

        /// <summary>A STRING attribute.</summary>
        public static OnnxAttributeValue String(string name, string value) => new(name, OnnxAttributeType.String, Array.Empty<long>(), Array.Empty<float>(), value);

        /// <summary>An INTS attribute.</summary>
        public static OnnxAttributeValue Ints(string name, long[] values) => new(name, OnnxAttributeType.Ints, values, Array.Empty<float>(), string.Empty);

        /// <summary>A STRINGS attribute.</summary>
        public static OnnxAttributeValue Strings(string name, params string[] values) => new(name, OnnxAttributeType.Strings, Array.Empty<long>(), Array.Empty<float>(), string.Join("\n", values));

        /// <summary>A FLOATS attribute.</summary>
        public static OnnxAttributeValue Floats(string name, float[] values) => new(name, OnnxAttributeType.Floats, Array.Empty<long>(), values, string.Empty);
    }

    /// <summary>The attribute types ModelGen writes (values are ONNX's <c>AttributeProto.AttributeType</c>).</summary>
    public enum OnnxAttributeType
    {
        /// <summary>FLOAT.</summary>
        Float = 1,

        /// <summary>INT.</summary>
        Int = 2,

        /// <summary>STRING.</summary>
        String = 3,

        /// <summary>FLOATS.</summary>
        Floats = 6,

        /// <summary>INTS.</summary>
        Ints = 7,

        /// <summary>STRINGS (the values joined by '\n' in <see cref="OnnxAttributeValue.Text"/>).</summary>
        Strings = 8,
    }

    /// <summary>One node of the graph.</summary>
    /// <param name="Op">The operator.</param>
    /// <param name="Name">The node's name.</param>
    /// <param name="Inputs">The values it reads (empty string: an omitted optional input).</param>
    /// <param name="Outputs">The values it writes.</param>
    /// <param name="Attributes">Its attributes.</param>
    public sealed record OnnxNodePlan(string Op, string Name, string[] Inputs, string[] Outputs, OnnxAttributeValue[] Attributes);

    /// <summary>
    /// An initializer: a weight assembled from state_dict tensors when exporting, or a constant.
    /// </summary>
    /// <param name="Name">The initializer's name.</param>
    /// <param name="Sources">The state_dict keys, concatenated in order; empty for a constant.</param>
    /// <param name="GateOrder">Recurrent weights: PyTorch's gate block that goes to each position (ONNX's order); empty for none.</param>
    /// <param name="Transpose">Whether each 2-D source is transposed.</param>
    /// <param name="Dims">The dimensions; empty with one source: the tensor's own.</param>
    /// <param name="IntValues">An int64 constant's values.</param>
    /// <param name="FloatValues">A float constant's values.</param>
    public sealed record OnnxInitializerPlan(string Name, string[] Sources, int[] GateOrder, bool Transpose, long[] Dims, long[]? IntValues, float[]? FloatValues);

    /// <summary>
    /// A model's ONNX graph as its generated code plans it at compile time (<c>OnnxGraph()</c>):
    /// nodes, the input and output, and initializers that name the state_dict tensors they are
    /// made of. <see cref="OnnxExporter"/> turns it into a file with the module's current weights.
    /// </summary>
    public sealed class OnnxGraphPlan
    {
        private readonly List<OnnxNodePlan> _nodes = new();
        private readonly List<OnnxInitializerPlan> _initializers = new();
        private readonly List<OnnxValueInfo> _inputs = new();
        private readonly List<OnnxValueInfo> _outputs = new();

        /// <summary>Starts an empty graph.</summary>
        /// <param name="name">The graph's (the model's) name.</param>
        /// <param name="opset">The default-domain opset the nodes are written for.</param>
        /// <param name="irVersion">The IR version of the file.</param>
        public OnnxGraphPlan(string name, int opset, int irVersion)
        {
            Name = name;
            Opset = opset;
            IrVersion = irVersion;
        }

        /// <summary>The graph's name.</summary>
        public string Name { get; }

        /// <summary>The default-domain opset.</summary>
        public int Opset { get; }

        /// <summary>The IR version.</summary>
        public int IrVersion { get; }

        /// <summary>The nodes in evaluation order.</summary>
        public IReadOnlyList<OnnxNodePlan> Nodes => _nodes;

        /// <summary>The initializers.</summary>
        public IReadOnlyList<OnnxInitializerPlan> Initializers => _initializers;

        /// <summary>The graph inputs.</summary>
        public IReadOnlyList<OnnxValueInfo> Inputs => _inputs;

        /// <summary>The graph outputs.</summary>
        public IReadOnlyList<OnnxValueInfo> Outputs => _outputs;

        /// <summary>Declares a graph input.</summary>
        public void Input(string name, bool int64, params OnnxDimension[] dims) => _inputs.Add(new OnnxValueInfo(name, int64, dims));

        /// <summary>Declares a graph output.</summary>
        public void Output(string name, bool int64, params OnnxDimension[] dims) => _outputs.Add(new OnnxValueInfo(name, int64, dims));

        /// <summary>A weight: the state_dict tensor of the same name, unchanged.</summary>
        public void Weight(string key) => _initializers.Add(new OnnxInitializerPlan(key, new[] { key }, Array.Empty<int>(), false, Array.Empty<long>(), null, null));

        /// <summary>A weight assembled from state_dict tensors (see <see cref="OnnxInitializerPlan"/>).</summary>
        public void Weight(string name, string[] sources, int[] gateOrder, bool transpose, long[] dims) =>
            _initializers.Add(new OnnxInitializerPlan(name, sources, gateOrder, transpose, dims, null, null));

        /// <summary>An int64 constant.</summary>
        public void Int64s(string name, long[] dims, long[] values) => _initializers.Add(new OnnxInitializerPlan(name, Array.Empty<string>(), Array.Empty<int>(), false, dims, values, null));

        /// <summary>A float constant.</summary>
        public void Floats(string name, long[] dims, float[] values) => _initializers.Add(new OnnxInitializerPlan(name, Array.Empty<string>(), Array.Empty<int>(), false, dims, null, values));

        /// <summary>Adds a node.</summary>
        public void Node(string op, string name, string[] inputs, string[] outputs, params OnnxAttributeValue[] attributes) =>
            _nodes.Add(new OnnxNodePlan(op, name, inputs, outputs, attributes));
    }
}

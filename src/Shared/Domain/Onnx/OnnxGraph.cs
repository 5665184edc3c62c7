using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>What an ONNX attribute holds.</summary>
    internal enum OnnxAttributeKind
    {
        /// <summary>One 64-bit integer.</summary>
        Int,

        /// <summary>One float.</summary>
        Float,

        /// <summary>A string.</summary>
        String,

        /// <summary>A list of 64-bit integers.</summary>
        Ints,

        /// <summary>A list of floats.</summary>
        Floats,

        /// <summary>A list of strings (in <see cref="OnnxAttribute.Text"/>, separated by '\n').</summary>
        Strings,
    }

    /// <summary>One attribute of an ONNX node, as the compile-time plan writes it.</summary>
    /// <param name="Name">The attribute's name in the operator's schema: <c>kernel_shape</c>.</param>
    /// <param name="Kind">What it holds.</param>
    /// <param name="Ints">The integer(s) for <see cref="OnnxAttributeKind.Int"/> and <see cref="OnnxAttributeKind.Ints"/>.</param>
    /// <param name="Floats">The float(s) for <see cref="OnnxAttributeKind.Float"/> and <see cref="OnnxAttributeKind.Floats"/>.</param>
    /// <param name="Text">The string for <see cref="OnnxAttributeKind.String"/>.</param>
    internal sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind, EquatableArray<long> Ints, EquatableArray<double> Floats, string Text)
    {
        public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int, new EquatableArray<long>(new[] { value }), EquatableArray<double>.Empty, string.Empty);

        public static OnnxAttribute Float(string name, double value) => new(name, OnnxAttributeKind.Float, EquatableArray<long>.Empty, new EquatableArray<double>(new[] { value }), string.Empty);

        public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeKind.String, EquatableArray<long>.Empty, EquatableArray<double>.Empty, value);

        public static OnnxAttribute IntList(string name, IEnumerable<long> values) => new(name, OnnxAttributeKind.Ints, new EquatableArray<long>(values.ToArray()), EquatableArray<double>.Empty, string.Empty);

        public static OnnxAttribute IntList(string name, IEnumerable<int> values) => IntList(name, values.Select(v => (long)v));

        public static OnnxAttribute StringList(string name, params string[] values) => new(name, OnnxAttributeKind.Strings, EquatableArray<long>.Empty, EquatableArray<double>.Empty, string.Join("\n", values));

        public static OnnxAttribute FloatList(string name, IEnumerable<double> values) => new(name, OnnxAttributeKind.Floats, EquatableArray<long>.Empty, new EquatableArray<double>(values.ToArray()), string.Empty);
    }

    /// <summary>One node of the graph.</summary>
    /// <param name="Op">The operator: <c>Conv</c>.</param>
    /// <param name="Name">The node's name, unique in the graph: <c>conv1</c>, <c>lstm1/Transpose</c>.</param>
    /// <param name="Inputs">The values it reads (an empty name is an omitted optional input).</param>
    /// <param name="Outputs">The values it writes.</param>
    /// <param name="Attributes">Its attributes.</param>
    internal sealed record OnnxNode(string Op, string Name, EquatableArray<string> Inputs, EquatableArray<string> Outputs, EquatableArray<OnnxAttribute> Attributes);

    /// <summary>
    /// One initializer. Either a weight, read when the model is exported from the module's
    /// state_dict (<see cref="Sources"/>: the keys, concatenated in order, each with its gate
    /// blocks reordered and/or transposed), or a constant known at compile time
    /// (<see cref="IntValues"/> or <see cref="FloatValues"/>).
    /// </summary>
    /// <param name="Name">The initializer's name (a weight keeps its state_dict key when it is one key unchanged).</param>
    /// <param name="Sources">The state_dict keys it is made of; empty for a constant.</param>
    /// <param name="GateOrder">For recurrent weights: which of PyTorch's gate blocks (equal row blocks) goes where; empty for none.</param>
    /// <param name="Transpose">Whether each (2-D) source is transposed.</param>
    /// <param name="Dims">The dimensions; empty with one source to keep the tensor's own.</param>
    /// <param name="IntValues">An int64 constant's values.</param>
    /// <param name="FloatValues">A float constant's values.</param>
    internal sealed record OnnxInitializer(
        string Name,
        EquatableArray<string> Sources,
        EquatableArray<int> GateOrder,
        bool Transpose,
        EquatableArray<long> Dims,
        EquatableArray<long> IntValues,
        EquatableArray<double> FloatValues)
    {
        /// <summary>Whether the initializer is a compile-time constant rather than a weight.</summary>
        public bool IsConstant => Sources.Count == 0;

        /// <summary>Whether the constant is int64 (else float).</summary>
        public bool IsInt64 => IntValues.Count > 0 || (FloatValues.Count == 0 && Sources.Count == 0);
    }

    /// <summary>A dimension of a graph input or output: a number, or a symbolic name (<c>N</c>, <c>L</c>).</summary>
    /// <param name="Value">The size, when fixed.</param>
    /// <param name="Name">The symbolic name, or null.</param>
    internal readonly record struct OnnxDim(long Value, string? Name)
    {
        public override string ToString() => Name ?? Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A graph input or output.</summary>
    /// <param name="Name">The value's name: <c>input</c>, <c>output</c>.</param>
    /// <param name="Int64">Whether it holds int64 (token ids) rather than float.</param>
    /// <param name="Dims">Its dimensions, batch (<c>N</c>) first.</param>
    internal sealed record OnnxValue(string Name, bool Int64, EquatableArray<OnnxDim> Dims);

    /// <summary>
    /// An ONNX graph as planned at compile time: nodes, initializers (weights by state_dict key,
    /// constants by value), the input and the output. Catalog entries add their nodes through
    /// <see cref="LayerEntry.Onnx"/>; the emitter writes the result as C# that rebuilds it at
    /// run time and pulls the weights from the module. Value names are unique: each layer's
    /// output is named after its path (<c>conv1</c>, inside blocks <c>layer1.0.conv1</c>) and the
    /// nodes inside a layer after the path and the operator (<c>lstm1/Transpose</c>). Blocks,
    /// repetitions, branches and projections nest (<see cref="Nest"/>): a stack of state_dict
    /// prefixes, so weights keep their keys (<c>layer1.0.downsample.0.weight</c>) at any depth.
    /// </summary>
    internal sealed class OnnxGraph
    {
        private readonly List<OnnxNode> _nodes = new();
        private readonly List<OnnxInitializer> _initializers = new();
        private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);

        // Weights already added, by what they read (keys, gate order, transpose, dims), so a layer
        // applied again gets its initializer back in constant time however large the graph.
        private readonly Dictionary<string, string> _weights = new(System.StringComparer.Ordinal);

        /// <summary>The opset every model is stamped with (ONNX's default domain).</summary>
        public const int Opset = 22;

        /// <summary>The IR version every model is stamped with.</summary>
        public const int IrVersion = 10;

        /// <summary>The name of the batch dimension.</summary>
        public const string BatchName = "N";

        /// <summary>The graph input's name.</summary>
        public const string InputName = "input";

        /// <summary>The graph output's name.</summary>
        public const string OutputName = "output";

        /// <summary>The nodes, in evaluation order.</summary>
        public IReadOnlyList<OnnxNode> Nodes => _nodes;

        /// <summary>The initializers, in first-use order.</summary>
        public IReadOnlyList<OnnxInitializer> Initializers => _initializers;

        /// <summary>
        /// The layer being added (its field name prefixes the names of its nodes); inside a block,
        /// the path of the block's use first: <c>layer1.0.conv1</c>.
        /// </summary>
        public string Scope { get; set; } = string.Empty;

        /// <summary>
        /// The state_dict prefix of the module whose layers are being added (<c>layer1.0.</c>
        /// inside torchvision's first basic block, empty at the top): <see cref="Weight(string)"/>
        /// prepends it, so an entry names its weights by its field alone at any depth.
        /// </summary>
        public string KeyPrefix { get; private set; } = string.Empty;

        /// <summary>The prefix of the scopes of the layers being added (<c>layer1.0.</c>), empty at the top.</summary>
        public string ScopePrefix { get; private set; } = string.Empty;

        /// <summary>
        /// Why the graph could not be completed (<c>LPPool2d(3, 2) has no ONNX mapping</c>), set by
        /// the layer or graph construct that returned null; null while every layer maps.
        /// </summary>
        public string? Unmapped { get; set; }

        /// <summary>
        /// Enters a submodule until the returned value is disposed: its weights are read under
        /// <see cref="KeyPrefix"/> + <paramref name="key"/> + "." (the state_dict path of a block, a
        /// repetition, a branch, a shortcut's projection), and its layers' scopes start with
        /// <paramref name="scope"/> + "." (the same path, or a reuse's own name for a block applied again).
        /// </summary>
        /// <param name="key">The submodule's name relative to the current module: <c>layer1.0</c>, <c>downsample</c>.</param>
        /// <param name="scope">The full scope of the submodule's nodes: <c>layer1.0</c>.</param>
        public Nesting Nest(string key, string scope)
        {
            var saved = new Nesting(this, KeyPrefix, ScopePrefix, Scope);
            KeyPrefix = KeyPrefix + key + ".";
            ScopePrefix = scope + ".";
            return saved;
        }

        /// <summary>Restores the prefixes and the scope <see cref="Nest"/> replaced.</summary>
        internal readonly struct Nesting : System.IDisposable
        {
            private readonly OnnxGraph _graph;
            private readonly string _key;
            private readonly string _prefix;
            private readonly string _scope;

            public Nesting(OnnxGraph graph, string key, string prefix, string scope)
            {
                _graph = graph;
                _key = key;
                _prefix = prefix;
                _scope = scope;
            }

            public void Dispose()
            {
                _graph.KeyPrefix = _key;
                _graph.ScopePrefix = _prefix;
                _graph.Scope = _scope;
            }
        }

        /// <summary>The name of the layer's output value: the scope itself.</summary>
        public string Result => Scope;

        /// <summary>A name not used yet, built from the scope and <paramref name="hint"/>.</summary>
        public string Fresh(string hint)
        {
            string stem = hint.Length == 0 ? Scope : Scope.Length == 0 ? hint : Scope + "/" + hint;
            string name = stem;
            for (int i = 2; !_names.Add(name); i++)
            {
                name = stem + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>Adds a node with one output and returns the output's name (the layer's result name when <paramref name="last"/>).</summary>
        public string Node(string op, IEnumerable<string> inputs, bool last, params OnnxAttribute[] attributes)
        {
            string output = last ? Fresh(string.Empty) : Fresh(op);
            string name = output;
            _nodes.Add(new OnnxNode(op, name, new EquatableArray<string>(inputs.ToArray()), new EquatableArray<string>(new[] { output }), new EquatableArray<OnnxAttribute>(attributes)));
            return output;
        }

        /// <summary>Adds an intermediate node with <paramref name="outputs"/> outputs and returns their names.</summary>
        public string[] Multi(string op, IEnumerable<string> inputs, int outputs, params OnnxAttribute[] attributes)
        {
            string name = Fresh(op);
            string[] names = Enumerable.Range(0, outputs).Select(i => i == 0 ? name : Fresh(op + "_" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
            _nodes.Add(new OnnxNode(op, name, new EquatableArray<string>(inputs.ToArray()), new EquatableArray<string>(names), new EquatableArray<OnnxAttribute>(attributes)));
            return names;
        }

        /// <summary>An int64 scalar constant.</summary>
        public string Int64Scalar(string hint, long value) =>
            Add(new OnnxInitializer(Fresh(hint), EquatableArray<string>.Empty, EquatableArray<int>.Empty, false, EquatableArray<long>.Empty, new EquatableArray<long>(new[] { value }), EquatableArray<double>.Empty));

        /// <summary>Adds an intermediate node (not the layer's result) with one output.</summary>
        public string Step(string op, IEnumerable<string> inputs, params OnnxAttribute[] attributes) => Node(op, inputs, last: false, attributes);

        /// <summary>Adds the layer's last node; its output is named after the layer.</summary>
        public string Last(string op, IEnumerable<string> inputs, params OnnxAttribute[] attributes) => Node(op, inputs, last: true, attributes);

        /// <summary>
        /// A weight from the state_dict, unchanged, named by its full key (<see cref="KeyPrefix"/> +
        /// <paramref name="key"/>: <c>conv1.weight</c>, <c>layer1.0.conv1.weight</c>). A layer applied
        /// again gets the same initializer, never a copy.
        /// </summary>
        public string Weight(string key)
        {
            string full = KeyPrefix + key;
            string identity = WeightIdentity(Strings(full), EquatableArray<int>.Empty, false, EquatableArray<long>.Empty);
            if (!_weights.ContainsKey(identity))
            {
                _names.Add(full);
                _initializers.Add(new OnnxInitializer(full, Strings(full), EquatableArray<int>.Empty, false, EquatableArray<long>.Empty, EquatableArray<long>.Empty, EquatableArray<double>.Empty));
                _weights.Add(identity, full);
            }

            return full;
        }

        /// <summary>
        /// A weight from the state_dict with a layout change (see <see cref="OnnxInitializer"/>), the
        /// keys under <see cref="KeyPrefix"/>. The same keys with the same change (a reused layer)
        /// give the same initializer.
        /// </summary>
        public string Weight(string hint, IEnumerable<string> keys, IEnumerable<int>? gateOrder = null, bool transpose = false, IEnumerable<long>? dims = null)
        {
            var sources = new EquatableArray<string>(keys.Select(key => KeyPrefix + key).ToArray());
            var order = new EquatableArray<int>((gateOrder ?? Enumerable.Empty<int>()).ToArray());
            var shape = new EquatableArray<long>((dims ?? Enumerable.Empty<long>()).ToArray());
            string identity = WeightIdentity(sources, order, transpose, shape);
            if (_weights.TryGetValue(identity, out string? existing))
            {
                return existing;
            }

            string name = Add(new OnnxInitializer(
                Fresh(hint),
                sources,
                order,
                transpose,
                shape,
                EquatableArray<long>.Empty,
                EquatableArray<double>.Empty));
            _weights.Add(identity, name);
            return name;
        }

        /// <summary>An int64 constant (shapes, axes, indices).</summary>
        public string Int64s(string hint, params long[] values) =>
            Add(new OnnxInitializer(Fresh(hint), EquatableArray<string>.Empty, EquatableArray<int>.Empty, false, new EquatableArray<long>(new[] { (long)values.Length }), new EquatableArray<long>(values), EquatableArray<double>.Empty));

        /// <summary>A float constant with the given dimensions (empty: a scalar).</summary>
        public string Floats(string hint, long[] dims, params double[] values) =>
            Add(new OnnxInitializer(Fresh(hint), EquatableArray<string>.Empty, EquatableArray<int>.Empty, false, new EquatableArray<long>(dims), EquatableArray<long>.Empty, new EquatableArray<double>(values)));

        /// <summary>A float scalar constant.</summary>
        public string Scalar(string hint, double value) => Floats(hint, System.Array.Empty<long>(), value);

        /// <summary>
        /// A Reshape of <paramref name="input"/> to the batch (copied, 0) followed by
        /// <paramref name="perSample"/>, the symbolic length written as −1 (inferred).
        /// </summary>
        public string ReshapeTo(string input, EquatableArray<int> perSample, bool last)
        {
            var shape = new List<long> { 0 };
            shape.AddRange(perSample.Select(d => d == Shape.Symbolic ? -1L : d));
            string target = Int64s("shape", shape.ToArray());
            return Node("Reshape", new[] { input, target }, last);
        }

        /// <summary>Makes the value <paramref name="from"/> carry the name <paramref name="to"/> (the graph's output).</summary>
        public void Rename(string from, string to)
        {
            for (int i = 0; i < _nodes.Count; i++)
            {
                OnnxNode node = _nodes[i];
                if (node.Outputs.Contains(from) || node.Inputs.Contains(from))
                {
                    _nodes[i] = node with
                    {
                        Inputs = new EquatableArray<string>(node.Inputs.Select(n => n == from ? to : n).ToArray()),
                        Outputs = new EquatableArray<string>(node.Outputs.Select(n => n == from ? to : n).ToArray()),
                    };
                }
            }
        }

        private string Add(OnnxInitializer initializer)
        {
            _initializers.Add(initializer);
            return initializer.Name;
        }

        /// <summary>What a weight reads, as one string: its keys, gate order, transpose and dimensions.</summary>
        private static string WeightIdentity(EquatableArray<string> sources, EquatableArray<int> order, bool transpose, EquatableArray<long> dims) =>
            string.Join("\n", sources) + "|" + string.Join(",", order) + "|" + (transpose ? "T" : string.Empty) + "|" + string.Join(",", dims);

        private static EquatableArray<string> Strings(params string[] values) => new(values);
    }
}

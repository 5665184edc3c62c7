using System.Collections.Generic;

namespace ModelGen.Domain
{
    internal sealed partial class RecurrentLayer
    {
        /// <summary>
        /// Where each of ONNX's gate blocks comes from in PyTorch's: LSTM i,o,f,c from PyTorch's
        /// i,f,g,o; GRU z,r,h from r,z,n; RNN has one block.
        /// </summary>
        internal int[] OnnxGateOrder => Gates switch
        {
            4 => new[] { 0, 3, 1, 2 },
            3 => new[] { 1, 0, 2 },
            _ => new int[0],
        };

        /// <summary>
        /// One ONNX <c>RNN</c>/<c>LSTM</c>/<c>GRU</c> node per stacked layer. ONNX Runtime refuses the
        /// batch-first layout, so the input is transposed to L×N×F, each node's Y (L×D×N×H) is
        /// transposed and reshaped to L×N×D·H for the next layer, and the last layer's output goes
        /// back to N×L×D·H (or, without ReturnSequences, Y_h D×N×H to N×D·H). W, R and both bias
        /// halves (B = [Wb, Rb]) have their gate blocks reordered (<see cref="OnnxGateOrder"/>), one
        /// direction after the other; GRU needs <c>linear_before_reset = 1</c> (PyTorch applies the
        /// reset gate after the hidden matrix product).
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            int directions = spec.Bidirectional ? 2 : 1;
            long gateRows = (long)Gates * spec.HiddenSize;
            string sequence = graph.Step("Transpose", new[] { input }, OnnxMap.Ints("perm", 1, 0, 2));
            string[] suffixes = spec.Bidirectional ? new[] { string.Empty, "_reverse" } : new[] { string.Empty };
            long features = layer.InFeatures;
            string[] outputs = new string[0];
            for (int k = 0; k < spec.NumLayers; k++)
            {
                var w = new List<string>();
                var r = new List<string>();
                var b = new List<string>();
                foreach (string suffix in suffixes)
                {
                    string key = $"{layer.FieldName}.{{0}}_l{k}{suffix}";
                    w.Add(string.Format(key, "weight_ih"));
                    r.Add(string.Format(key, "weight_hh"));
                    b.Add(string.Format(key, "bias_ih"));
                    b.Add(string.Format(key, "bias_hh"));
                }

                var inputs = new List<string>
                {
                    sequence,
                    graph.Weight($"W_l{k}", w, OnnxGateOrder, dims: new[] { directions, gateRows, features }),
                    graph.Weight($"R_l{k}", r, OnnxGateOrder, dims: new[] { directions, gateRows, spec.HiddenSize }),
                };
                if (spec.Bias)
                {
                    inputs.Add(graph.Weight($"B_l{k}", b, OnnxGateOrder, dims: new[] { directions, 2 * gateRows }));
                }

                var attributes = new List<OnnxAttribute>
                {
                    OnnxMap.Int("hidden_size", spec.HiddenSize),
                    OnnxAttribute.String("direction", spec.Bidirectional ? "bidirectional" : "forward"),
                };
                if (Gates == 3)
                {
                    attributes.Add(OnnxMap.Int("linear_before_reset", 1));
                }

                if (IsRnn)
                {
                    string activation = spec.Nonlinearity == 1 ? "Relu" : "Tanh";
                    attributes.Add(spec.Bidirectional ? OnnxAttribute.StringList("activations", activation, activation) : OnnxAttribute.StringList("activations", activation));
                }

                outputs = graph.Multi(Name, inputs, 2, attributes.ToArray());
                bool last = k == spec.NumLayers - 1;
                if (!last || spec.ReturnSequences)
                {
                    // Y: L×D×N×H → L×N×D×H (between layers) or N×L×D×H (the output), then the directions side by side.
                    long[] perm = last ? new long[] { 2, 0, 1, 3 } : new long[] { 0, 2, 1, 3 };
                    string moved = graph.Step("Transpose", new[] { outputs[0] }, OnnxMap.Ints("perm", perm));
                    string shape = graph.Int64s("shape", 0, 0, directions * (long)spec.HiddenSize);
                    sequence = last ? graph.Last("Reshape", new[] { moved, shape }) : graph.Step("Reshape", new[] { moved, shape });
                }

                features = directions * (long)spec.HiddenSize;
            }

            if (spec.ReturnSequences)
            {
                return sequence;
            }

            // Y_h: D×N×H → N×D×H → N×D·H (forward then backward, as PyTorch's h_n of the last layer).
            string batchFirst = graph.Step("Transpose", new[] { outputs[1] }, OnnxMap.Ints("perm", 1, 0, 2));
            return graph.Last("Reshape", new[] { batchFirst, graph.Int64s("shape", 0, directions * (long)spec.HiddenSize) });
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>The sequence layer kinds a random sequence stack draws from (the test's own copy).</summary>
    internal enum SequenceOp
    {
        Rnn,
        Lstm,
        Gru,
        Linear,
        ReLU,
        Tanh,
        Dropout,
        PositionalEncoding,
        MultiheadAttention,
        TransformerEncoderLayer,
    }

    /// <summary>One randomly drawn sequence layer.</summary>
    /// <param name="Op">The kind.</param>
    /// <param name="Size">Hidden size (recurrent), output features (Linear), heads (attention), or the feed-forward size (encoder).</param>
    /// <param name="Heads">The encoder's heads.</param>
    /// <param name="Layers">Stacked recurrent layers.</param>
    /// <param name="Bidirectional">Two directions (recurrent).</param>
    /// <param name="Bias">Biases learned (recurrent, Linear).</param>
    /// <param name="Last">Recurrent: ReturnSequences = false. Encoder: NormFirst.</param>
    internal sealed record SequenceLayer(SequenceOp Op, int Size = 0, int Heads = 0, int Layers = 1, bool Bidirectional = false, bool Bias = true, bool Last = false)
    {
        public string Attribute() => Op switch
        {
            SequenceOp.Rnn or SequenceOp.Lstm or SequenceOp.Gru =>
                $"{Op.ToString().ToUpperInvariant()}({Size}, NumLayers = {Layers}, Bidirectional = {Lower(Bidirectional)}, Bias = {Lower(Bias)}, ReturnSequences = {Lower(!Last)})",
            SequenceOp.Linear => $"Linear({Size}, Bias = {Lower(Bias)})",
            SequenceOp.Dropout => "Dropout(0.2)",
            SequenceOp.MultiheadAttention => $"MultiheadAttention({Size}, Bias = {Lower(Bias)})",
            SequenceOp.TransformerEncoderLayer => $"TransformerEncoderLayer({Heads}, DimFeedforward = {Size}, Dropout = 0.0, NormFirst = {Lower(Last)}, Activation = TransformerActivation.{(Bias ? "ReLU" : "GELU")})",
            _ => Op.ToString(),
        };

        private static string Lower(bool value) => value ? "true" : "false";
    }

    /// <summary>A random sequence model: token ids (with an Embedding first) or float features, of symbolic or fixed length.</summary>
    /// <param name="LengthName">The symbolic length's name, or null for the fixed <paramref name="Length"/>.</param>
    /// <param name="Length">The fixed length, when not symbolic.</param>
    /// <param name="Vocabulary">Token-id input with an Embedding(Vocabulary, Features) first; 0 for float input of Features per position.</param>
    /// <param name="Features">The float features per position, or the embedding size.</param>
    /// <param name="Layers">The layers after the input (after the Embedding).</param>
    internal sealed record SequenceModel(string? LengthName, int Length, int Vocabulary, int Features, SequenceLayer[] Layers)
    {
        public void Write(StringBuilder source, string className)
        {
            string shape = Vocabulary > 0 ? (LengthName is null ? $"{Length}" : string.Empty) : (LengthName is null ? $"{Length}, {Features}" : $"{Features}");
            var arguments = new List<string>();
            if (shape.Length > 0)
            {
                arguments.Add(shape);
            }

            if (LengthName is not null)
            {
                arguments.Add($"SequenceLength = \"{LengthName}\"");
            }

            if (Vocabulary > 0)
            {
                arguments.Add("Input = InputKind.TokenIds");
            }

            source.AppendLine($"    [Model({string.Join(", ", arguments)})]");
            if (Vocabulary > 0)
            {
                source.AppendLine($"    [Embedding({Vocabulary}, {Features})]");
            }

            foreach (SequenceLayer layer in Layers)
            {
                source.AppendLine($"    [{layer.Attribute()}]");
            }

            source.AppendLine($"    public partial class {className};");
        }

        public override string ToString()
        {
            var source = new StringBuilder();
            Write(source, "M");
            return source.ToString();
        }

        public static string Source(IReadOnlyList<SequenceModel> models)
        {
            var source = new StringBuilder("using ModelGen;\n\nnamespace " + StackSource.Namespace + "\n{\n");
            for (int i = 0; i < models.Count; i++)
            {
                models[i].Write(source, StackSource.ClassName(i));
            }

            return source.Append("}\n").ToString();
        }
    }

    /// <summary>
    /// The test's own oracle for sequence stacks, independent of ModelGen: -1 stands for the
    /// symbolic length; a recurrent layer has D·Σₖ(G·H·inₖ + G·H·H + 2·G·H) parameters (G = 1, 4, 3),
    /// attention 4·E² + 4·E, an encoder layer 4·E² + 4·E + 2·E·F + F + E + 4·E, Embedding V·D.
    /// </summary>
    internal static class SequenceFormula
    {
        /// <summary>Each layer's field, output shape and parameters (the Embedding first, if any), or null when the stack is not valid.</summary>
        public static IReadOnlyList<(string Field, long[] Output, long Parameters)>? Infer(SequenceModel model)
        {
            var result = new List<(string, long[], long)>();
            var counts = new Dictionary<string, int>();
            long length = model.LengthName is null ? model.Length : -1;
            long[] shape = { length, model.Features };
            void Add(string prefix, long[] output, long parameters)
            {
                counts[prefix] = counts.TryGetValue(prefix, out int n) ? n + 1 : 1;
                result.Add((prefix + counts[prefix], output, parameters));
            }

            if (model.Vocabulary > 0)
            {
                Add("embedding", shape, (long)model.Vocabulary * model.Features);
            }

            foreach (SequenceLayer layer in model.Layers)
            {
                bool sequence = shape.Length == 2;
                long e = shape[^1];
                switch (layer.Op)
                {
                    case SequenceOp.Rnn or SequenceOp.Lstm or SequenceOp.Gru:
                        if (!sequence)
                        {
                            return null;
                        }

                        long g = layer.Op == SequenceOp.Rnn ? 1 : layer.Op == SequenceOp.Lstm ? 4 : 3;
                        long h = layer.Size, d = layer.Bidirectional ? 2 : 1, bias = layer.Bias ? 2 * g * h : 0;
                        long perDirection = 0;
                        for (int k = 0; k < layer.Layers; k++)
                        {
                            perDirection += (g * h * (k == 0 ? e : d * h)) + (g * h * h) + bias;
                        }

                        Add(layer.Op.ToString().ToLowerInvariant(), layer.Last ? new[] { d * h } : new[] { shape[0], d * h }, d * perDirection);
                        break;
                    case SequenceOp.Linear:
                        Add("fc", shape.Take(shape.Length - 1).Append((long)layer.Size).ToArray(), (e * layer.Size) + (layer.Bias ? layer.Size : 0));
                        break;
                    case SequenceOp.ReLU or SequenceOp.Tanh:
                        Add(layer.Op.ToString().ToLowerInvariant(), shape, 0);
                        break;
                    case SequenceOp.Dropout:
                        Add("dropout", shape, 0);
                        break;
                    case SequenceOp.PositionalEncoding:
                        if (!sequence)
                        {
                            return null;
                        }

                        Add("posenc", shape, 0);
                        break;
                    case SequenceOp.MultiheadAttention:
                        if (!sequence || e % layer.Size != 0)
                        {
                            return null;
                        }

                        Add("attention", shape, (4 * e * e) + (layer.Bias ? 4 * e : 0));
                        break;
                    case SequenceOp.TransformerEncoderLayer:
                        if (!sequence || e % layer.Heads != 0)
                        {
                            return null;
                        }

                        Add("encoder", shape, (4 * e * e) + (4 * e) + (2 * e * layer.Size) + layer.Size + e + (4 * e));
                        break;
                }

                shape = result[^1].Item2;
            }

            return result;
        }
    }

    /// <summary>CsCheck generators of valid sequence stacks, filtered by <see cref="SequenceFormula"/>.</summary>
    internal static class SequenceGenerators
    {
        private static readonly Gen<SequenceLayer> Recurrent =
            Gen.Select(Gen.OneOfConst(SequenceOp.Rnn, SequenceOp.Lstm, SequenceOp.Gru), Gen.Int[1, 8], Gen.Int[1, 3], Gen.Bool, Gen.Bool, Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))))
                .Select((op, hidden, layers, bidirectional, bias, last) => new SequenceLayer(op, hidden, Layers: layers, Bidirectional: bidirectional, Bias: bias, Last: last));

        private static readonly Gen<SequenceLayer> Layer = Gen.Frequency(
            (4, Recurrent),
            (2, Gen.Select(Gen.Int[1, 12], Gen.Bool, (size, bias) => new SequenceLayer(SequenceOp.Linear, size, Bias: bias))),
            (1, Gen.OneOfConst(SequenceOp.ReLU, SequenceOp.Tanh, SequenceOp.Dropout).Select(op => new SequenceLayer(op))),
            (1, Gen.Const(new SequenceLayer(SequenceOp.PositionalEncoding))),
            (2, Gen.Select(Gen.Int[1, 4], Gen.Bool, (heads, bias) => new SequenceLayer(SequenceOp.MultiheadAttention, heads, Bias: bias))),
            (2, Gen.Select(Gen.Int[1, 4], Gen.Int[1, 16], Gen.Bool, Gen.Bool, (heads, feedForward, normFirst, relu) =>
                new SequenceLayer(SequenceOp.TransformerEncoderLayer, feedForward, Heads: heads, Bias: relu, Last: normFirst))));

        public static readonly Gen<SequenceModel> Model =
            Gen.Select(
                    Gen.Frequency((2, Gen.OneOfConst("L", "T", "Steps").Select(name => (string?)name)), (1, Gen.Const((string?)null))),
                    Gen.Int[1, 9],
                    Gen.Frequency((1, Gen.Int[2, 30]), (1, Gen.Const(0))),
                    Gen.Int[1, 12],
                    Layer.Array[1, 4])
                .Select((name, length, vocabulary, features, layers) => new SequenceModel(name, length, vocabulary, features, layers))
                .Where(model => SequenceFormula.Infer(model) is not null);
    }
}

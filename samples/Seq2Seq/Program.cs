// Trains a sequence-to-sequence model with attention to reverse sequences of 6 digit tokens, and
// prints the token accuracy of greedy decoding on fresh test sequences. The encoder, decoder and
// attention layers are declared as attributes (sized, registered and counted at compile time;
// a [Segment] gives the input shape of the layers the hand-written forward applies to something
// other than the layer above); the forward, with the course notes' dot-product or additive
// scores, is written by hand. Usage: Seq2Seq [dot|additive] (default additive).
using System;
using System.Globalization;
using ModelGen.Samples.Seq2Seq;
using TorchSharp;
using static TorchSharp.torch;

set_num_threads(2);
manual_seed(42);
bool additive = args.Length == 0 || args[0] != "dot";
const int batch = 64;
const int steps = 300;

(Tensor Source, Tensor Target) Batch(long n)
{
    Tensor source = randint(1, ReverseModel.Vocabulary, new long[] { n, ReverseModel.Length });
    return (source, source.flip(1));
}

using var model = new ReverseModel { Additive = additive };
Console.WriteLine(ReverseModel.Summary);
Console.WriteLine($"attention: {(additive ? "additive (Bahdanau): v·tanh(W_k k + W_q q)" : "dot product (Luong): q·k / √d")}");
for (int step = 0; step < steps; step++)
{
    using var scope = NewDisposeScope();
    model.train();
    (Tensor source, Tensor target) = Batch(batch);
    model.Optimizer.zero_grad();
    Tensor logits = model.TeacherForced(source, target);
    Tensor loss = nn.functional.cross_entropy(logits.reshape(-1, ReverseModel.Vocabulary), target.reshape(-1));
    loss.backward();
    model.Optimizer.step();
    if ((step + 1) % 100 == 0)
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "step {0}: loss {1:F4}", step + 1, loss.item<float>()));
    }
}

using (no_grad())
{
    model.eval();
    (Tensor source, Tensor target) = Batch(1000);
    Tensor predicted = model.forward(source).argmax(-1);
    double tokens = (predicted == target).to_type(ScalarType.Float32).mean().item<float>();
    double sequences = (predicted == target).all(1).to_type(ScalarType.Float32).mean().item<float>();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "greedy decoding on 1,000 new sequences: token accuracy {0:F4}, whole sequences {1:F4}", tokens, sequences));
}

namespace ModelGen.Samples.Seq2Seq
{
    /// <summary>
    /// Encoder: token embedding (11 → 32) and GRU (64) over the 6 source tokens. Decoder: embedding
    /// of the previous target token (0 starts), GRU (64) started from the encoder's last state,
    /// attention over the encoder's outputs, and a linear map of [decoder state; context] (128) to
    /// the 11 tokens. Additive scores use keys, queries and score; dot-product scores use none.
    /// </summary>
    [Model(6, Input = InputKind.TokenIds)]
    [Embedding(11, 32, Name = "sourceEmbedding"), GRU(64, Name = "encoder")]
    [Segment(6, Input = InputKind.TokenIds)]
    [Embedding(11, 32, Name = "targetEmbedding"), GRU(64, Name = "decoder")]
    [Segment(6, 64)]
    [Linear(64, Bias = false, Name = "keys"), Linear(64, Name = "queries"), Linear(1, Bias = false, Name = "score")]
    [Segment(6, 128)]
    [Linear(11, Name = "output")]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
    public partial class ReverseModel
    {
        /// <summary>The number of tokens: 0 starts the decoder, 1–10 are the digits.</summary>
        public const int Vocabulary = 11;

        /// <summary>The length of every sequence.</summary>
        public const int Length = 6;

        /// <summary>Whether the scores are additive (Bahdanau) rather than dot products (Luong).</summary>
        public bool Additive { get; init; } = true;

        /// <summary>Greedy decoding: N×6 source tokens → N×6×11 logits, each step fed the previous step's best token.</summary>
        /// <param name="input">N×6 source tokens.</param>
        public override Tensor forward(Tensor input)
        {
            (Tensor memory, Tensor hidden) = Encode(input);
            Tensor token = zeros(input.shape[0], 1, dtype: ScalarType.Int64);
            var steps = new Tensor[Length];
            for (int t = 0; t < Length; t++)
            {
                (Tensor logits, hidden) = Decode(token, hidden, memory);
                steps[t] = logits;
                token = logits.argmax(-1);
            }

            return cat(steps, 1);
        }

        /// <summary>Training: the decoder reads the true previous tokens (teacher forcing).</summary>
        /// <param name="source">N×6 source tokens.</param>
        /// <param name="target">N×6 target tokens.</param>
        public Tensor TeacherForced(Tensor source, Tensor target)
        {
            (Tensor memory, Tensor hidden) = Encode(source);
            Tensor previous = cat(new[] { zeros(target.shape[0], 1, dtype: ScalarType.Int64), target.narrow(1, 0, Length - 1) }, 1);
            return Decode(previous, hidden, memory).Logits;
        }

        private (Tensor Memory, Tensor Hidden) Encode(Tensor source)
        {
            (Tensor memory, Tensor hidden) = encoder.forward(sourceEmbedding.forward(source), null);
            return (memory, hidden);
        }

        /// <summary>Decoder steps for the given previous tokens (N×T), attention over the encoder's outputs (N×6×64).</summary>
        private (Tensor Logits, Tensor Hidden) Decode(Tensor previous, Tensor hidden, Tensor memory)
        {
            (Tensor states, Tensor last) = decoder.forward(targetEmbedding.forward(previous), hidden);
            Tensor scores = Additive
                ? score.forward(tanh(keys.forward(memory).unsqueeze(1) + queries.forward(states).unsqueeze(2))).squeeze(-1)
                : states.matmul(memory.transpose(1, 2)) / Math.Sqrt(memory.shape[2]);
            Tensor weights = scores.softmax(-1);            // N×T×6
            Tensor context = weights.matmul(memory);        // N×T×64
            return (output.forward(cat(new[] { states, context }, -1)), last);
        }
    }
}

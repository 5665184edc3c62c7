using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// RNN, LSTM and GRU over a batch-first sequence (N×L×F), with PyTorch's layout: per layer and
    /// direction a weight_ih of G·H×in, a weight_hh of G·H×H and two bias vectors of G·H (G = 1
    /// for RNN, 4 for LSTM with gates i, f, g, o, 3 for GRU with r, z, n). Layer k &gt; 0 takes the
    /// D·H outputs of layer k − 1. The layer returns the whole sequence (L×D·H) or, with
    /// <c>ReturnSequences = false</c>, the last layer's final hidden state of each direction
    /// (D·H; for the forward direction that is the output at the last step, for the backward one
    /// the output at the first).
    /// </summary>
    internal sealed partial class RecurrentLayer : LayerEntry<RecurrentLayer.Spec>
    {
        public static readonly RecurrentLayer Rnn = new("RNN", "rnn", 1);
        public static readonly RecurrentLayer Lstm = new("LSTM", "lstm", 4);
        public static readonly RecurrentLayer Gru = new("GRU", "gru", 3);

        private RecurrentLayer(string name, string prefix, int gates)
        {
            Name = name;
            FieldPrefix = prefix;
            Gates = gates;
        }

        /// <param name="Recurrent">The entry of the kind (the family has several).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="HiddenSize">H, the size of the hidden state.</param>
        /// <param name="NumLayers">Stacked layers.</param>
        /// <param name="Bias">Whether the two bias vectors are learned.</param>
        /// <param name="Bidirectional">Whether a second direction runs from the end (D = 2).</param>
        /// <param name="Dropout">Dropout on the outputs of every layer but the last, in training.</param>
        /// <param name="ReturnSequences">Whether the output is every step (L×D·H) or the final hidden state (D·H).</param>
        /// <param name="Nonlinearity">RNN only: 0 for tanh, 1 for ReLU.</param>
        public sealed record Spec(
            RecurrentLayer Recurrent,
            string Display,
            int HiddenSize,
            int NumLayers,
            bool Bias,
            bool Bidirectional,
            double Dropout,
            bool ReturnSequences,
            int Nonlinearity) : LayerSpec(Recurrent, Display);

        public override string Name { get; }

        public override string FieldPrefix { get; }

        /// <summary>G, the gate blocks stacked in each weight (1, 4, 3).</summary>
        public int Gates { get; }

        private bool IsRnn => Gates == 1;

        public override string Signature =>
            $"{Name}(hiddenSize, NumLayers = 1, Bias = true, Bidirectional = false, Dropout = 0, ReturnSequences = true{(IsRnn ? ", Nonlinearity = RnnNonlinearity.Tanh" : string.Empty)})";

        public override string Module => $"nn.{Name} (batch first)";

        public override string ShapeRule => "`L×F → L×D·H`, or `D·H` with `ReturnSequences = false` (D = 2 when bidirectional)";

        public override string ParameterRule =>
            Gates == 1
                ? "`D·Σₖ (H·inₖ + H·H + 2·H)`, in₀ = F, inₖ = D·H"
                : $"`D·Σₖ ({Gates}H·inₖ + {Gates}H·H + 2·{Gates}H)`, in₀ = F, inₖ = D·H";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            this,
            args.Display,
            args.Int(0, 0),
            args.Int("NumLayers", 1),
            args.Bool("Bias", true),
            args.Bool("Bidirectional", false),
            args.Double("Dropout", 0),
            args.Bool("ReturnSequences", true),
            args.Int("Nonlinearity", 0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.HiddenSize <= 0)
            {
                yield return $"{spec.Display}: the hidden size must be positive, got {spec.HiddenSize}";
            }

            if (spec.NumLayers <= 0)
            {
                yield return $"{spec.Display}: NumLayers must be at least 1, got {spec.NumLayers}";
            }

            if (!(spec.Dropout >= 0 && spec.Dropout < 1))
            {
                yield return $"{spec.Display}: Dropout must be in [0, 1), got {Numbers.Format(spec.Dropout)}";
            }

            if (spec.Nonlinearity is not (0 or 1))
            {
                yield return $"{spec.Display}: Nonlinearity must be RnnNonlinearity.Tanh or RnnNonlinearity.ReLU, got {spec.Nonlinearity}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 2 || context.ChannelsFirst)
            {
                string hint = input.Count == 2
                    ? $"; its first dimension is channels, not positions: declare the input as [Model({input[0]}, SequenceLength = \"L\")] sequences, or reduce the channels first"
                    : input.Count == 1
                        ? $"; give each position features, e.g. [Model(1, SequenceLength = \"L\")] for one value per step, or put an Embedding first for token ids"
                        : "; flatten each position's features into one vector first";
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs an L×F sequence (batch first) but {context.Source}{hint}");
            }

            int features = input[1];
            int directions = spec.Bidirectional ? 2 : 1;
            long outputs = (long)directions * spec.HiddenSize;
            long parameters = Parameters(features, spec.HiddenSize, spec.NumLayers, directions, spec.Bias);
            if (outputs > int.MaxValue || parameters == long.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            // torchinfo: a recurrent layer uses every parameter once per step, so mult-adds = parameters × L.
            int length = input[0] == Shape.Symbolic ? 1 : input[0];
            var counts = new LayerCounts(parameters, 0, Numbers.SaturatingProduct(parameters, length), 0);
            EquatableArray<int> output = spec.ReturnSequences ? Shape.Of(input[0], (int)outputs) : Shape.Of((int)outputs);
            return new LayerOutcome(output, counts, features, ChannelsFirst: false);
        }

        /// <summary>D·Σₖ (G·H·inₖ + G·H·H + 2·G·H) with in₀ = F and inₖ = D·H, saturating.</summary>
        public long Parameters(long features, long hidden, long layers, long directions, bool bias)
        {
            long gateRows = Numbers.SaturatingProduct(Gates, hidden);
            long perLayerRest = Numbers.SaturatingSum(Numbers.SaturatingProduct(gateRows, hidden), bias ? Numbers.SaturatingProduct(2, gateRows) : 0);
            long first = Numbers.SaturatingSum(Numbers.SaturatingProduct(gateRows, features), perLayerRest);
            long later = Numbers.SaturatingSum(Numbers.SaturatingProduct(gateRows, directions, hidden), perLayerRest);
            long perDirection = Numbers.SaturatingSum(first, Numbers.SaturatingProduct(layers - 1, later));

            return Numbers.SaturatingProduct(directions, perDirection);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            string nonlinearity = IsRnn ? $", nonLinearity: {CSharp.Nn}.NonLinearities.{(spec.Nonlinearity == 1 ? "ReLU" : "Tanh")}" : string.Empty;
            return $"{CSharp.Nn}.{Name}(inputSize: {layer.InFeatures}, hiddenSize: {spec.HiddenSize}, numLayers: {spec.NumLayers}{nonlinearity}, bias: {CSharp.Literal(spec.Bias)}, " +
                   $"batchFirst: true, dropout: {CSharp.Literal(spec.Dropout)}, bidirectional: {CSharp.Literal(spec.Bidirectional)})";
        }

        public override string Forward(LayerPlan layer, string input)
        {
            var spec = (Spec)layer.Spec;
            string call = $"{layer.FieldName}.forward({input}, null)";
            if (spec.ReturnSequences)
            {
                return call + ".Item1";
            }

            // h_n is (NumLayers·D)×N×H, the last layer's directions last: N×H for one direction, N×2H (forward, backward) for two.
            return spec.Bidirectional
                ? $"{call}.Item2.narrow(0, {(2 * (long)spec.NumLayers) - 2}, 2).transpose(0, 1).flatten(1)"
                : $"{call}.Item2.select(0, -1)";
        }

        protected override string ParameterFormula(Spec spec, LayerPlan layer)
        {
            string g = Gates == 1 ? string.Empty : $"{Gates}·";
            int d = spec.Bidirectional ? 2 : 1;
            string bias = spec.Bias ? $" + 2·{g}{spec.HiddenSize}" : string.Empty;
            string first = $"{g}{spec.HiddenSize}·{layer.InFeatures} + {g}{spec.HiddenSize}·{spec.HiddenSize}{bias}";
            string perDirection = spec.NumLayers == 1
                ? first
                : $"{first} + {spec.NumLayers - 1}·({g}{spec.HiddenSize}·{d * (long)spec.HiddenSize} + {g}{spec.HiddenSize}·{spec.HiddenSize}{bias})";
            return d == 1 ? perDirection : $"2·({perDirection})";
        }

        /// <summary>Backpropagation through time, for any number of layers, both directions and dropout between layers.</summary>
        public override bool HasBackward(LayerPlan layer) => true;

        /// <summary>
        /// An LSTM on dense input: libtorch runs it with oneDNN's fused kernel, forward and backward, and
        /// the generated backpropagation through time took about 1.16× its time (the benchmark's lstm row
        /// without the table, 0.86). A one-layer LSTM right after an Embedding multiplies the table
        /// instead of every position and is faster generated (the lstm row, 1.08); a deeper one's upper
        /// layers read dense input, so it stays with autograd. The generated GRU and RNN are faster than
        /// libtorch's either way (4.0 against 5.2 ms, 1.2 against 1.7 ms).
        /// </summary>
        public override string? FasterWithAutograd(LayerPlan layer) =>
            Name == "LSTM" ? $"{layer.Spec.Display} runs faster through libtorch's fused LSTM kernel than through the generated backpropagation through time" : null;

        public override string? FasterWithAutograd(LayerPlan layer, bool afterLookup) =>
            afterLookup && ((Spec)layer.Spec).NumLayers == 1 ? null : FasterWithAutograd(layer);

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "steps" };

        public override string SavedType(LayerPlan layer, string name) => "global::ModelGen.Training.RecurrentTape";

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            // Through time, keeping the gates and states of every step (Gradients.RecurrentForward).
            // Inter-layer dropout (training only) draws the masks libtorch's kernel draws for the same seed.
            string dropout = DropsBetweenLayers(spec) ? $"dropout: {CSharp.Literal(spec.Dropout)}, training: training, " : string.Empty;
            // After a lookup E[ids] the input projection multiplies the table, (E·W_ihᵀ + b)[ids].
            (string method, string input) = names.Lookup is LookupInput lookup
                ? ("RecurrentForwardFromLookup", $"{lookup.Ids}, {lookup.Table}, {names.Input}")
                : ("RecurrentForward", names.Input);
            yield return $"{names.Output} = {BackwardRules.Gradients}.{method}({names.Field}, global::ModelGen.Training.RecurrentCell.{Name}, {input}, layers: {spec.NumLayers}, bidirectional: {CSharp.Literal(spec.Bidirectional)}, returnSequences: {CSharp.Literal(spec.ReturnSequences)}, relu: {CSharp.Literal(IsRnn && spec.Nonlinearity == 1)}, {dropout}out {names.Saved("steps")});";
        }

        /// <summary>Whether the module drops between layers: more than one layer and p &gt; 0 (PyTorch ignores p for one layer).</summary>
        private static bool DropsBetweenLayers(Spec spec) => spec.NumLayers > 1 && spec.Dropout > 0;

        public override string BackwardFormula(LayerPlan layer) => DropsBetweenLayers((Spec)layer.Spec)
            ? CellFormula + "; between layers δ ⊙ m, the forward's dropout mask"
            : CellFormula;

        private string CellFormula => Name switch
        {
            "LSTM" => "through time: δc = δc₊⊙f₊ + δh⊙o⊙(1 − tanh²c), gates i, f, g, o; ∂W_ih = Σₜ δzₜᵀxₜ, ∂W_hh = Σₜ δzₜᵀhₜ₋₁, ∂b_ih = ∂b_hh = Σ δz",
            "GRU" => "through time: δn = δh⊙(1 − z)⊙(1 − n²), δz = δh⊙(hₜ₋₁ − n)⊙z(1 − z), δr = δn⊙(W_hn·h + b_hn)⊙r(1 − r); ∂W = Σₜ δzₜᵀ·input",
            _ => "through time: δz = (δhₜ + δzₜ₊₁·W_hh)⊙act′; ∂W_ih = Σₜ δzₜᵀxₜ, ∂W_hh = Σₜ δzₜᵀhₜ₋₁, ∂b = Σ δz",
        };

        /// <summary>The input projection x·W_ihᵀ comes first: after a lookup it multiplies the table.</summary>
        public override bool TakesLookup(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer, BackwardNames names) => names.Lookup is null
            ? BackwardFormula(layer)
            : BackwardFormula(layer) + "; after the lookup x = E[ids]: S = Σ δz over each id's positions, ∂W_ih = Sᵀ·E, δE = S·W_ih";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            string steps = names.Saved("steps");
            if (names.Lookup is not null)
            {
                yield return $"{names.Grad} = {BackwardRules.Gradients}.RecurrentLookupBackward({steps}, {names.Grad});";
                yield break;
            }

            yield return names.NeedsInputGradient
                ? $"{names.Grad} = {BackwardRules.Gradients}.RecurrentBackward({steps}, {names.Grad});"
                : $"{BackwardRules.Gradients}.RecurrentWeightGradients({steps}, {names.Grad});";
        }
    }
}

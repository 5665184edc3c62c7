using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// The element-wise activations without arguments (ReLU, Sigmoid, Tanh, …): shape unchanged,
    /// nothing learned, created by <c>nn.{Name}()</c>.
    /// </summary>
    internal sealed partial class ActivationLayer : LayerEntry<ActivationLayer.Spec>
    {
        public static readonly ActivationLayer ReLU = new("ReLU", "`max(0, x)`", "δ ← δ ⊙ 1[y > 0]", "{y}.sign()");
        public static readonly ActivationLayer Sigmoid = new("Sigmoid", "`1 / (1 + e^−x)`", "δ ← δ ⊙ y(1 − y)", "{y}.mul({y}.neg().add_(1.0))", LayerTraits.Saturating | LayerTraits.UnitInterval);
        public static readonly ActivationLayer Tanh = new("Tanh", "`tanh(x)`", "δ ← δ ⊙ (1 − y²)", "{y}.square().neg_().add_(1.0)", LayerTraits.Saturating);
        public static readonly ActivationLayer SELU = new("SELU", "`λ·(x > 0 ? x : α·(eˣ − 1))`, λ ≈ 1.0507, α ≈ 1.6733", "δ ← δ ⊙ (x > 0 ? λ : y + λα)", "{y}.add(1.7580993408473766).masked_fill_({x}.gt(0.0), 1.0507009873554805)");
        public static readonly ActivationLayer SiLU = new("SiLU", "`x·σ(x)` (Swish)", "δ ← δ ⊙ σ(x)(1 + x(1 − σ(x)))", "global::ModelGen.Training.Gradients.SiLUDerivative({x})");
        public static readonly ActivationLayer Mish = new("Mish", "`x·tanh(softplus(x))`", "δ ← δ ⊙ (tanh(sp) + x·σ(x)·(1 − tanh²(sp))), sp = softplus(x)", "global::ModelGen.Training.Gradients.MishDerivative({x})");

        private readonly string _formula;
        private readonly string _backwardFormula;
        private readonly string _derivative;

        /// <param name="name">The kind's name.</param>
        /// <param name="formula">The function, for the docs.</param>
        /// <param name="backwardFormula">The backward rule, for the generated comment.</param>
        /// <param name="derivative">f′ as code over <c>{x}</c> (the input) and <c>{y}</c> (the output).</param>
        /// <param name="traits">Traits beyond <see cref="LayerTraits.Activation"/> (saturating, outputs in [0, 1]).</param>
        private ActivationLayer(string name, string formula, string backwardFormula, string derivative, LayerTraits traits = LayerTraits.None)
        {
            Name = name;
            _formula = formula;
            _backwardFormula = backwardFormula;
            _derivative = derivative;
            Traits = LayerTraits.Activation | traits;
        }

        public sealed record Spec(ActivationLayer Activation, string Display) : LayerSpec(Activation, Display);

        public override string Name { get; }

        public override string FieldPrefix => Name.ToLowerInvariant();

        public override LayerTraits Traits { get; }

        public override string Signature => Name;

        public override string ShapeRule => $"unchanged; {_formula}";

        protected override Spec ReadSpec(DeclaredArguments args) => new(this, args.Display);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.{Name}()";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => _backwardFormula;

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names) =>
            names.MultiplyGrad(_derivative.Replace("{x}", names.Input).Replace("{y}", names.Output));
    }
}

namespace ModelGen.Domain
{
    /// <summary>
    /// The element-wise activations without arguments (ReLU, Sigmoid, Tanh, …): shape unchanged,
    /// nothing learned, created by <c>nn.{Name}()</c>.
    /// </summary>
    internal sealed class ActivationLayer : LayerEntry<ActivationLayer.Spec>
    {
        public static readonly ActivationLayer ReLU = new("ReLU", "`max(0, x)`");
        public static readonly ActivationLayer Sigmoid = new("Sigmoid", "`1 / (1 + e^−x)`", LayerTraits.Saturating | LayerTraits.UnitInterval);
        public static readonly ActivationLayer Tanh = new("Tanh", "`tanh(x)`", LayerTraits.Saturating);

        private readonly string _formula;

        private ActivationLayer(string name, string formula, LayerTraits traits = LayerTraits.None)
        {
            Name = name;
            _formula = formula;
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
    }
}

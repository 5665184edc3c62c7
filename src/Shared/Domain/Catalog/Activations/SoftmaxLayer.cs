namespace ModelGen.Domain
{
    /// <summary>Softmax and LogSoftmax over one dimension (the features by default).</summary>
    internal sealed class SoftmaxLayer : LayerEntry<SoftmaxLayer.Spec>
    {
        public static readonly SoftmaxLayer Softmax = new("Softmax", "`e^xᵢ / Σ e^xⱼ`", LayerTraits.UnitInterval);
        public static readonly SoftmaxLayer LogSoftmax = new("LogSoftmax", "`xᵢ − log Σ e^xⱼ`", LayerTraits.LogProbabilities);

        private readonly string _formula;

        private SoftmaxLayer(string name, string formula, LayerTraits traits)
        {
            Name = name;
            _formula = formula;
            Traits = LayerTraits.Activation | LayerTraits.Probabilities | traits;
        }

        /// <param name="Softmax">The entry of the kind (the family has several).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="Dim">The dimension, the batch counted as 0.</param>
        public sealed record Spec(SoftmaxLayer Softmax, string Display, int Dim) : LayerSpec(Softmax, Display);

        public override string Name { get; }

        public override string FieldPrefix => Name.ToLowerInvariant();

        public override LayerTraits Traits { get; }

        public override string Signature => $"{Name}(Dim = 1)";

        public override string ShapeRule => $"unchanged; {_formula} along `Dim`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(this, args.Display, args.Int("Dim", 1));

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            int rank = context.Input.Count + 1;
            if (spec.Dim < -rank || spec.Dim >= rank)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: Dim must be in [{-rank}, {rank - 1}] for a batch of {Shape.Format(context.Input)}, got {spec.Dim}");
            }

            return new LayerOutcome(context.Input, LayerCounts.None);
        }

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.{Name}(dim: {spec.Dim})";
    }
}

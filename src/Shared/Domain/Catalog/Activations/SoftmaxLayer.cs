using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Softmax and LogSoftmax over one dimension (the features by default).</summary>
    internal sealed partial class SoftmaxLayer : LayerEntry<SoftmaxLayer.Spec>
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

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => Name == "Softmax"
            ? "δ ← y ⊙ (δ − Σ δ⊙y) along Dim"
            : "δ ← δ − softmax(x)·Σ δ along Dim, softmax(x) = eʸ";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            int dim = ((Spec)layer.Spec).Dim;
            string g = names.Grad, y = names.Output;
            yield return Name == "Softmax"
                ? $"{g} = {y}.mul({g}.sub({g}.mul({y}).sum({dim}L, keepdim: true)));"
                : $"{g} = {g}.sub({y}.exp().mul({g}.sum({dim}L, keepdim: true)));";
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>Dropout: zeroes each element with probability p in training and scales the rest by 1/(1 − p).</summary>
    internal sealed class DropoutLayer : LayerEntry<DropoutLayer.Spec>
    {
        public static readonly DropoutLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="P">The drop probability, in [0, 1).</param>
        public sealed record Spec(string Display, double P) : LayerSpec(Instance, Display);

        public override string Name => "Dropout";

        public override string FieldPrefix => "dropout";

        public override LayerTraits Traits => LayerTraits.TrainingOnly;

        public override double? DropProbability(LayerSpec spec) => ((Spec)spec).P;

        public override string Signature => "Dropout(p = 0.5)";

        public override string ShapeRule => "unchanged";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Double(0, 0.5));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (!(spec.P >= 0 && spec.P < 1))
            {
                yield return $"{spec.Display}: the drop probability must be in [0, 1), got {Numbers.Format(spec.P)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Dropout(p: {CSharp.Literal(spec.P)})";
    }
}

namespace ModelGen.Domain
{
    /// <summary>Flatten: every dimension but the batch into one, C×H×W → C·H·W.</summary>
    internal sealed class FlattenLayer : LayerEntry<FlattenLayer.Spec>
    {
        public static readonly FlattenLayer Instance = new();

        public sealed record Spec(string Display) : LayerSpec(Instance, Display);

        public override string Name => "Flatten";

        public override string FieldPrefix => "flatten";

        public override LayerTraits Traits => LayerTraits.Reshapes;

        public override string Signature => "Flatten";

        public override string ShapeRule => "`C×H×W → C·H·W`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            long elements = Shape.Elements(context.Input);
            if (elements > int.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {context.Source}, which flattens to {Numbers.Format(elements)} features, more than a dimension can hold");
            }

            return new LayerOutcome(Shape.Of((int)elements), LayerCounts.None);
        }

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Flatten(start_dim: 1, end_dim: -1)";
    }
}

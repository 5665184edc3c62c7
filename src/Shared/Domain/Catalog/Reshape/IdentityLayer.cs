namespace ModelGen.Domain
{
    /// <summary>Identity: passes its input through (a placeholder, e.g. where a block has no layer).</summary>
    internal sealed partial class IdentityLayer : LayerEntry<IdentityLayer.Spec>
    {
        public static readonly IdentityLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        public sealed record Spec(string Display) : LayerSpec(Instance, Display);

        public override string Name => "Identity";

        public override string FieldPrefix => "identity";

        /// <summary>Identity passes any tensor through, a sequence of symbolic length included.</summary>
        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        public override string Signature => "Identity";

        public override string ShapeRule => "unchanged";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display);

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) => new(context.Input, LayerCounts.None);

        protected override string Factory(Spec spec, LayerPlan layer) => $"{CSharp.Nn}.Identity()";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "δ unchanged";
    }
}

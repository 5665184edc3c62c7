using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Generator
{
    /// <summary>What the parse step hands on: where the class lives and what it declares.</summary>
    /// <param name="Hierarchy">Namespace and containing types.</param>
    /// <param name="Declaration">The attributes, read.</param>
    internal sealed record ModelInput(HierarchyInfo Hierarchy, ModelDeclaration Declaration)
    {
        /// <summary>
        /// Whether code can be generated at all. When it cannot, the analyzers say why; the
        /// generator stays silent so that the user sees one diagnostic, with its code fix.
        /// </summary>
        public bool IsGeneratable =>
            Hierarchy.AllPartial
            && !Declaration.IsMalformed
            && Declaration.SpreadAttributes.Count == 0
            && Declaration.ModelAttribute >= 0;
    }

    /// <summary>What the emitter writes from: a model whose shapes check out.</summary>
    /// <param name="Hierarchy">Namespace and containing types.</param>
    /// <param name="Plan">The inferred layers and totals.</param>
    internal sealed record ModelSource(HierarchyInfo Hierarchy, ModelPlan Plan);
}

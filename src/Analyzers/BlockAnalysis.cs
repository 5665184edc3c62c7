using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Analyzers
{
    /// <summary>
    /// What can be said about a [Block] class on its own, before any use gives it an input: that
    /// it is partial, and its layers' names. Shapes depend on the use and are reported there.
    /// </summary>
    internal static class BlockAnalysis
    {
        public static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, ImmutableArray<AttributeData> attributes)
        {
            if (!HierarchyInfo.IsPartial(type))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NotPartial,
                    type.Locations.FirstOrDefault() ?? Location.None,
                    $"{type.Name} must be declared partial: ModelGen generates the module class of block {type.Name} in another partial declaration"));
            }
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Analyzers
{
    /// <summary>
    /// Reports the findings of <see cref="ModelReview"/> at the attribute (or the argument) that
    /// is wrong, with the other layers a finding is about as additional locations and what the
    /// code fix writes in the diagnostic's properties.
    /// </summary>
    internal static class ReviewReporter
    {
        /// <summary>The property that carries <see cref="ReviewFinding.Fix"/> to the code fixes.</summary>
        public const string FixProperty = "Fix";

        public static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, ModelDeclaration declaration, ModelPlan plan)
        {
            ImmutableArray<AttributeData> attributes = type.GetAttributes();
            var locations = new AttributeLocations(type, attributes, declaration);
            foreach (ReviewFinding finding in ModelReview.Review(plan))
            {
                int index = IndexOf(declaration, finding.Target, finding.LayerIndex);
                Location location = ArgumentLocation(attributes, index, finding.Argument, context.CancellationToken) ?? locations.Of(index);
                IEnumerable<Location> additional = finding.AlsoAt.Select(layer => locations.Of(IndexOf(declaration, ProblemTarget.Layer, layer)));
                ImmutableDictionary<string, string?> properties = finding.Fix is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, finding.Fix);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(finding.Kind), location, additional, properties, finding.Message));
            }
        }

        private static int IndexOf(ModelDeclaration declaration, ProblemTarget target, int layer) => target switch
        {
            ProblemTarget.Model => declaration.ModelAttribute,
            ProblemTarget.Loss => declaration.LossAttribute,
            ProblemTarget.Optimizer => declaration.OptimizerAttribute,
            _ => layer >= 0 && layer < declaration.LayerAttributes.Count ? declaration.LayerAttributes[layer] : -1,
        };

        /// <summary>The argument <paramref name="argument"/> (a name, or <c>#n</c> for the n-th positional one) of the attribute at <paramref name="index"/>, or null when it is not written.</summary>
        private static Location? ArgumentLocation(ImmutableArray<AttributeData> attributes, int index, string? argument, CancellationToken cancellationToken)
        {
            if (argument is null || index < 0 || index >= attributes.Length
                || attributes[index].ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
            {
                return null;
            }

            AttributeArgumentSyntax? found = argument.StartsWith("#", System.StringComparison.Ordinal)
                ? list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(int.Parse(argument.Substring(1), System.Globalization.CultureInfo.InvariantCulture))
                : list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argument);
            return found?.GetLocation();
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// Where a model class sits: its namespace and the chain of types around it, as strings, so
    /// the generated partial declaration can be written without holding a symbol.
    /// </summary>
    /// <param name="MetadataName">The fully qualified metadata name, used for the hint name (unique per type).</param>
    /// <param name="Namespace">The namespace, or empty for the global namespace.</param>
    /// <param name="Types">Declaration headers from outermost to the model: <c>partial class DigitsNet</c>.</param>
    /// <param name="AllPartial">Whether the class and every containing type are declared partial.</param>
    internal sealed record HierarchyInfo(string MetadataName, string Namespace, EquatableArray<string> Types, bool AllPartial)
    {
        public static HierarchyInfo From(INamedTypeSymbol type)
        {
            var headers = new List<string>();
            bool allPartial = true;
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                headers.Insert(0, Header(current));
                allPartial &= IsPartial(current);
            }

            string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
            string metadataName = string.IsNullOrEmpty(ns) ? MetadataNameOf(type) : ns + "." + MetadataNameOf(type);
            return new HierarchyInfo(metadataName, ns, new EquatableArray<string>(headers), allPartial);
        }

        /// <summary>Whether every declaration of the type carries the <c>partial</c> modifier.</summary>
        public static bool IsPartial(INamedTypeSymbol type) =>
            type.DeclaringSyntaxReferences.Length > 0
            && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static string MetadataNameOf(INamedTypeSymbol type) =>
            type.ContainingType is null ? type.MetadataName : MetadataNameOf(type.ContainingType) + "+" + type.MetadataName;

        private static string Header(INamedTypeSymbol type)
        {
            string keyword = type.TypeKind switch
            {
                TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => type.IsRecord ? "record" : "class",
            };
            string typeParameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
            return $"partial {keyword} {type.Name}{typeParameters}";
        }
    }
}

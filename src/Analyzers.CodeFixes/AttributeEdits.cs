using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGen.Analyzers.CodeFixes
{
    /// <summary>Edits of layer, loss and optimizer attributes shared by the review fixes; each keeps the code compiling.</summary>
    internal static class AttributeEdits
    {
        /// <summary>The attribute a diagnostic is on (its span is the attribute or one of its arguments).</summary>
        public static AttributeSyntax? AttributeAt(SyntaxNode root, Location location) =>
            root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

        /// <summary>The attribute with <paramref name="name"/> = <paramref name="value"/>, replacing the argument when it is written.</summary>
        public static AttributeSyntax WithNamed(AttributeSyntax attribute, string name, string value)
        {
            ExpressionSyntax expression = SyntaxFactory.ParseExpression(value);
            AttributeArgumentListSyntax list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            AttributeArgumentSyntax? existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            if (existing is not null)
            {
                return attribute.WithArgumentList(list.ReplaceNode(existing, existing.WithExpression(expression.WithTriviaFrom(existing.Expression))));
            }

            AttributeArgumentSyntax added = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space))),
                null,
                expression);
            return attribute.WithArgumentList(list.WithArguments(Add(list.Arguments, added)));
        }

        /// <summary>The attribute with its first positional argument set to <paramref name="value"/> (added when there is none).</summary>
        public static AttributeSyntax WithFirstPositional(AttributeSyntax attribute, string value)
        {
            ExpressionSyntax expression = SyntaxFactory.ParseExpression(value);
            AttributeArgumentListSyntax list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            AttributeArgumentSyntax? first = list.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null);
            return first is not null
                ? attribute.WithArgumentList(list.ReplaceNode(first, first.WithExpression(expression.WithTriviaFrom(first.Expression))))
                : attribute.WithArgumentList(list.WithArguments(list.Arguments.Insert(0, SyntaxFactory.AttributeArgument(expression))));
        }

        /// <summary>The attribute without the named arguments whose names <paramref name="remove"/> accepts.</summary>
        public static AttributeSyntax WithoutNamed(AttributeSyntax attribute, System.Func<string, bool> remove)
        {
            if (attribute.ArgumentList is not { } list)
            {
                return attribute;
            }

            AttributeArgumentSyntax[] kept = list.Arguments.Where(a => a.NameEquals is null || !remove(a.NameEquals.Name.Identifier.ValueText)).ToArray();
            return attribute.WithArgumentList(list.WithArguments(Join(kept)));
        }

        /// <summary>The root without <paramref name="attribute"/>: the whole <c>[...]</c> when it is alone in it.</summary>
        public static SyntaxNode Remove(SyntaxNode root, AttributeSyntax attribute)
        {
            var list = (AttributeListSyntax)attribute.Parent!;
            if (list.Attributes.Count > 1)
            {
                return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
            }

            // A list on a line of its own goes with its line; comments and directives around it stay.
            bool plainLine = list.GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
            SyntaxRemoveOptions options = (plainLine ? SyntaxRemoveOptions.KeepNoTrivia : SyntaxRemoveOptions.KeepExteriorTrivia) | SyntaxRemoveOptions.KeepUnbalancedDirectives;
            return root.RemoveNode(list, options)!;
        }

        /// <summary>A new attribute without arguments: <c>ReLU</c>.</summary>
        public static AttributeSyntax Plain(string name) => SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(name));

        private static SeparatedSyntaxList<AttributeArgumentSyntax> Add(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, AttributeArgumentSyntax added) =>
            Join(arguments.Concat(new[] { added }).ToArray());

        /// <summary>Arguments separated by <c>", "</c>.</summary>
        private static SeparatedSyntaxList<AttributeArgumentSyntax> Join(AttributeArgumentSyntax[] arguments)
        {
            var items = new System.Collections.Generic.List<SyntaxNodeOrToken>();
            for (int i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    items.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                }

                items.Add(arguments[i].WithoutTrivia());
            }

            return SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(items);
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGen.Analyzers.CodeFixes
{
    /// <summary>
    /// Fixes MG0004 by adding <c>partial</c> to the model class and to every type around it that
    /// lacks it. The modifier goes last, right before the keyword, where C# requires it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
    [Shared]
    public sealed class MakePartialCodeFixProvider : CodeFixProvider
    {
        /// <summary>Identifies the fix, so that Fix All applies the same one everywhere.</summary>
        public const string EquivalenceKey = DiagnosticDescriptors.NotPartialId + ".AddPartial";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotPartialId);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                TypeDeclarationSyntax? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();

                // When this declaration and its containers are partial already, the declaration
                // that lacks the modifier is another one, which the compiler flags (CS0260).
                if (declaration is null || !NotPartial(declaration).Any())
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make the model partial",
                        cancellationToken => Task.FromResult(context.Document.WithSyntaxRoot(AddPartial(root, declaration, cancellationToken))),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static SyntaxNode AddPartial(SyntaxNode root, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            return root.ReplaceNodes(NotPartial(declaration), (_, rewritten) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return WithPartial(rewritten);
            });
        }

        private static IEnumerable<TypeDeclarationSyntax> NotPartial(TypeDeclarationSyntax declaration) =>
            declaration
                .AncestorsAndSelf()
                .OfType<TypeDeclarationSyntax>()
                .Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
        {
            if (type.Modifiers.Count == 0)
            {
                // The keyword's leading trivia (indentation, a newline after the attributes) moves
                // to the new first token.
                SyntaxToken partial = SyntaxFactory.Token(type.Keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                return type
                    .WithKeyword(type.Keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                    .WithModifiers(SyntaxFactory.TokenList(partial));
            }

            return type.WithModifiers(type.Modifiers.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
        }
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static ModelGen.Analyzers.DiagnosticDescriptors;

namespace ModelGen.Analyzers.CodeFixes
{
    /// <summary>
    /// Fixes the declarations ModelGen cannot generate for: removes <c>static</c> (MG0027), turns a
    /// record without a parameter list into a class (MG0028) and chains a constructor to the
    /// generated one with <c>: this(device: null)</c> (MG0029).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarationCodeFixProvider))]
    [Shared]
    public sealed class DeclarationCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(StaticModelId, RecordModelId, ModelConstructorId);

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
                SyntaxNode? node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
                SyntaxNode? fixedRoot = diagnostic.Id switch
                {
                    StaticModelId => node?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } type ? RemoveStatic(root, type) : null,
                    RecordModelId => node?.FirstAncestorOrSelf<RecordDeclarationSyntax>() is { ParameterList: null } record ? ToClass(root, record) : null,
                    ModelConstructorId => node as ConstructorDeclarationSyntax is { } constructor ? ChainToGenerated(root, constructor) : null,
                    _ => null,
                };
                if (fixedRoot is null)
                {
                    continue;
                }

                string title = diagnostic.Id switch
                {
                    StaticModelId => "Remove static",
                    RecordModelId => "Declare a class",
                    _ => "Chain to the generated constructor",
                };
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), diagnostic.Id + "." + title), diagnostic);
            }
        }

        private static SyntaxNode RemoveStatic(SyntaxNode root, ClassDeclarationSyntax type)
        {
            SyntaxToken modifier = type.Modifiers.First(m => m.IsKind(SyntaxKind.StaticKeyword));
            int index = type.Modifiers.IndexOf(modifier);
            SyntaxTokenList modifiers = type.Modifiers.RemoveAt(index);
            if (index == 0 && modifiers.Count > 0)
            {
                // The first modifier carries the declaration's indentation.
                modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(modifier.LeadingTrivia));
            }

            ClassDeclarationSyntax updated = modifiers.Count == 0
                ? type.WithModifiers(modifiers).WithKeyword(type.Keyword.WithLeadingTrivia(modifier.LeadingTrivia))
                : type.WithModifiers(modifiers);
            return root.ReplaceNode(type, updated);
        }

        private static SyntaxNode ToClass(SyntaxNode root, RecordDeclarationSyntax record)
        {
            ClassDeclarationSyntax type = SyntaxFactory.ClassDeclaration(
                record.AttributeLists,
                record.Modifiers,
                SyntaxFactory.Token(record.Keyword.LeadingTrivia, SyntaxKind.ClassKeyword, record.ClassOrStructKeyword.IsKind(SyntaxKind.None) ? record.Keyword.TrailingTrivia : record.ClassOrStructKeyword.TrailingTrivia),
                record.Identifier,
                record.TypeParameterList,
                record.BaseList,
                record.ConstraintClauses,
                record.OpenBraceToken,
                record.Members,
                record.CloseBraceToken,
                record.SemicolonToken);
            return root.ReplaceNode(record, type);
        }

        private static SyntaxNode ChainToGenerated(SyntaxNode root, ConstructorDeclarationSyntax constructor)
        {
            ConstructorInitializerSyntax initializer = SyntaxFactory.ConstructorInitializer(
                SyntaxKind.ThisConstructorInitializer,
                SyntaxFactory.ParseArgumentList("(device: null)"))
                .WithColonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.ColonToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            ParameterListSyntax parameters = constructor.ParameterList.WithoutTrailingTrivia();
            SyntaxTriviaList trailing = (constructor.Initializer?.GetTrailingTrivia() ?? constructor.ParameterList.GetTrailingTrivia());
            return root.ReplaceNode(constructor, constructor
                .WithParameterList(parameters)
                .WithInitializer(initializer.WithTrailingTrivia(trailing)));
        }
    }
}

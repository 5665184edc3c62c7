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
using static ModelGen.Analyzers.DiagnosticDescriptors;

namespace ModelGen.Analyzers.CodeFixes
{
    /// <summary>
    /// The fixes of the review rules on layer, loss and optimizer attributes. Each is one edit of
    /// the attribute the diagnostic is on (or of the layers named by its additional locations);
    /// what to write comes from the diagnostic's <c>Fix</c> property, computed by the shared review.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReviewCodeFixProvider))]
    [Shared]
    public sealed class ReviewCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            SoftmaxBeforeCrossEntropyId,
            LossOutputMismatchId,
            CollapsingLinearMapsId,
            BiasBeforeNormalizationId,
            SaturatingActivationsId,
            DropoutAfterOutputId,
            InputDropoutId,
            LearningRateRangeId,
            EvenKernelPaddingId,
            StrideRemainderId);

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
                AttributeSyntax? attribute = AttributeEdits.AttributeAt(root, diagnostic.Location);
                if (attribute is null)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(ReviewReporter.FixProperty, out string? fix);
                (string Title, System.Func<SyntaxNode> Apply)? action = diagnostic.Id switch
                {
                    SoftmaxBeforeCrossEntropyId or DropoutAfterOutputId => ($"Remove {attribute.Name}", () => AttributeEdits.Remove(root, attribute)),
                    LossOutputMismatchId when fix is not null => ($"Use LossKind.{fix}", () => root.ReplaceNode(attribute, AttributeEdits.WithFirstPositional(attribute, "LossKind." + fix))),
                    CollapsingLinearMapsId => ("Insert ReLU", () => InsertBefore(root, attribute, AttributeEdits.Plain("ReLU"))),
                    BiasBeforeNormalizationId => ("Set Bias = false", () => root.ReplaceNode(attribute, AttributeEdits.WithNamed(attribute, "Bias", "false"))),
                    SaturatingActivationsId => ("Use ReLU in the hidden layers", () => ReplaceWithReLU(root, diagnostic, context.CancellationToken)),
                    InputDropoutId when fix is not null => ($"Drop {fix} of the input", () => root.ReplaceNode(attribute, AttributeEdits.WithFirstPositional(attribute, fix))),
                    LearningRateRangeId when fix is not null => ($"Use LearningRate = {fix}", () => root.ReplaceNode(attribute, AttributeEdits.WithNamed(attribute, "LearningRate", fix))),
                    EvenKernelPaddingId when fix is not null => ("Use AutoPad = AutoPad.Same", () => root.ReplaceNode(attribute, AttributeEdits.WithNamed(
                        AttributeEdits.WithoutNamed(attribute, name => name.StartsWith("Padding", System.StringComparison.Ordinal) && name != "PaddingMode"), "AutoPad", fix))),
                    StrideRemainderId when fix?.Split('=') is [string property, string value] => ($"Use {property} = {value}", () => root.ReplaceNode(attribute, AttributeEdits.WithNamed(
                        AttributeEdits.WithoutNamed(attribute, name => name == "AutoPad"), property, value))),
                    _ => null,
                };

                if (action is (string title, System.Func<SyntaxNode> apply))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(apply())), diagnostic.Id + "." + title),
                        diagnostic);
                }
            }
        }

        /// <summary>Puts <paramref name="added"/> right before <paramref name="attribute"/> in its list: <c>[ReLU, Linear(10)]</c>.</summary>
        private static SyntaxNode InsertBefore(SyntaxNode root, AttributeSyntax attribute, AttributeSyntax added)
        {
            var list = (AttributeListSyntax)attribute.Parent!;
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Insert(list.Attributes.IndexOf(attribute), added)));
        }

        /// <summary>Replaces the attribute at the diagnostic and at each additional location with <c>ReLU</c>.</summary>
        private static SyntaxNode ReplaceWithReLU(SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            AttributeSyntax[] targets = new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations)
                .Select(location => AttributeEdits.AttributeAt(root, location))
                .OfType<AttributeSyntax>()
                .ToArray();
            return root.ReplaceNodes(targets, (original, _) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return AttributeEdits.Plain("ReLU").WithTriviaFrom(original);
            });
        }
    }
}

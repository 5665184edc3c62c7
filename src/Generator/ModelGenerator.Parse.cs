using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Generator
{
    public sealed partial class ModelGenerator
    {
        // A static class cannot derive from Module; the compiler's own error on it is enough.
        private static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
            node is ClassDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.StaticKeyword);

        private static ModelInput Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            return new ModelInput(HierarchyInfo.From(type), ModelSpecReader.Read(type, cancellationToken));
        }

        private static ModelSource? Plan(ModelInput input, CancellationToken cancellationToken)
        {
            if (!input.IsGeneratable)
            {
                return null;
            }

            foreach (ModelProblem problem in input.Declaration.Problems)
            {
                if (problem.IsError)
                {
                    return null;
                }
            }

            ModelPlan plan = ShapeInference.Infer(input.Declaration.Spec);
            return plan.HasErrors ? null : new ModelSource(input.Hierarchy, plan);
        }
    }
}

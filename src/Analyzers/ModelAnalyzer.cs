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
    /// Reports what is wrong with a model declaration, at the attribute that is wrong. Reads the
    /// class with the same <see cref="ModelSpecReader"/> and <see cref="ShapeInference"/> as the
    /// generator, so a model the analyzer accepts is a model the generator emits, and every
    /// reason the generator stays silent has a diagnostic here.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.EmptyOutput,
            DiagnosticDescriptors.InvalidArgument,
            DiagnosticDescriptors.StrideRemainder,
            DiagnosticDescriptors.NotPartial,
            DiagnosticDescriptors.SpreadAttributes,
            DiagnosticDescriptors.LinearNeedsFlatten,
            DiagnosticDescriptors.RankMismatch,
            DiagnosticDescriptors.NoLayers,
            DiagnosticDescriptors.IncompleteTraining,
            DiagnosticDescriptors.MissingModel,
            DiagnosticDescriptors.NothingToTrain,
            DiagnosticDescriptors.InputKindMismatch,
            DiagnosticDescriptors.SymbolicLength,
            DiagnosticDescriptors.AutogradBackward,
            DiagnosticDescriptors.OnnxUnmapped,

            DiagnosticDescriptors.MissingBlockParameter,
            DiagnosticDescriptors.UnusedBlockParameter,
            DiagnosticDescriptors.ResidualMismatch,
            DiagnosticDescriptors.BranchMismatch,
            DiagnosticDescriptors.DuplicateName,
            DiagnosticDescriptors.SharedWeightsMismatch).AddRange(DiagnosticDescriptors.Review);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        }

        private static void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            ImmutableArray<AttributeData> attributes = type.GetAttributes();
            AttributeData? model = attributes.FirstOrDefault(IsModelAttribute);
            if (model is null)
            {
                if (GraphReader.IsBlock(type))
                {
                    BlockAnalysis.Analyze(context, type, attributes);
                    return;
                }

                ReportMissingModel(context, type, attributes);
                return;
            }

            CancellationToken cancellationToken = context.CancellationToken;
            ModelDeclaration declaration = ModelSpecReader.Read(type, cancellationToken);
            var locations = new AttributeLocations(type, attributes, declaration);

            ReportNotPartial(context, type, model);
            DeclarationReview.Report(context, type, model);

            foreach (int index in declaration.SpreadAttributes)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SpreadAttributes,
                    locations.Of(index),
                    $"{ModelSpecReader.Display(attributes[index], cancellationToken)} is on another partial declaration of {type.Name} than [Model]; move it next to [Model], where the layer order is defined"));
            }

            foreach (ModelProblem problem in declaration.Problems)
            {
                Report(context, problem, locations);
            }

            // A malformed attribute already has a compiler error, and spread attributes have no
            // defined order: shapes inferred from either would only add noise.
            if (declaration.IsMalformed || declaration.SpreadAttributes.Count > 0 || declaration.ModelAttribute < 0)
            {
                return;
            }

            bool bothTrainingAttributes = declaration.LossAttribute >= 0 && declaration.OptimizerAttribute >= 0;
            ModelPlan plan = ShapeInference.Infer(declaration.Spec);
            if (BackwardRules.AutogradProblem(plan) is ModelProblem autograd)
            {
                Report(context, autograd, locations);
            }

            if (OnnxExportPlan.Problem(plan) is ModelProblem unmapped)
            {
                Report(context, unmapped, locations);
            }

            foreach (ModelProblem problem in plan.Problems)
            {
                // Both are declared, so one of them was dropped as invalid and is reported above;
                // "declared without" would contradict the source.
                if (problem.Kind == ProblemKind.IncompleteTraining && bothTrainingAttributes)
                {
                    continue;
                }

                Report(context, problem, locations);
            }

            // The review is about models that compile; it says nothing while an error stands.
            if (!declaration.Problems.Any(problem => problem.IsError))
            {
                ReviewReporter.Report(context, type, declaration, plan);
            }
        }

        private static void Report(SymbolAnalysisContext context, ModelProblem problem, AttributeLocations locations) =>
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.For(problem.Kind),
                locations.Of(problem),
                problem.Fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(ReviewReporter.FixProperty, problem.Fix),
                problem.Message));

        private static void ReportNotPartial(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData model)
        {
            var notPartial = new List<string>();
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (!HierarchyInfo.IsPartial(current))
                {
                    notPartial.Insert(0, current.Name);
                }
            }

            if (notPartial.Count == 0)
            {
                return;
            }

            TypeDeclarationSyntax? declaration = model.ApplicationSyntaxReference?
                .GetSyntax(context.CancellationToken)
                .FirstAncestorOrSelf<TypeDeclarationSyntax>();
            Location location = declaration?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotPartial,
                location,
                $"{JoinNames(notPartial)} must be declared partial: ModelGen generates the rest of model {type.Name} in another partial declaration"));
        }

        private static void ReportMissingModel(SymbolAnalysisContext context, INamedTypeSymbol type, ImmutableArray<AttributeData> attributes)
        {
            AttributeData? first = attributes.FirstOrDefault(IsModelGenMember);
            if (first is null)
            {
                return;
            }

            Location location = AttributeLocations.Of(first) ?? type.Locations.FirstOrDefault() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MissingModel,
                location,
                $"{ModelSpecReader.Display(first, context.CancellationToken)} has no effect: {type.Name} has no [Model] attribute; add [Model(...)] with the input shape, or remove the ModelGen attributes"));
        }

        private static bool IsModelAttribute(AttributeData attribute) =>
            attribute.AttributeClass is { Name: "ModelAttribute" } attributeClass && IsInModelGenNamespace(attributeClass);

        /// <summary>A layer, loss or optimizer attribute: what only means something beside [Model].</summary>
        private static bool IsModelGenMember(AttributeData attribute) =>
            attribute.AttributeClass is { } attributeClass
            && IsInModelGenNamespace(attributeClass)
            && (TrainingSpecReader.IsTrainingAttribute(attributeClass.Name) || LayerCatalog.TryFind(attributeClass.Name, out _));

        private static bool IsInModelGenNamespace(INamedTypeSymbol attributeClass) =>
            attributeClass.ContainingType is null && attributeClass.ContainingNamespace?.ToDisplayString() == ModelSpecReader.Namespace;

        private static string JoinNames(List<string> names) =>
            names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// Reads a model class's attributes into a <see cref="ModelSpec"/>. Shared by the generator
    /// and the analyzers so both see the same model. Never throws on malformed input: attributes
    /// with compile errors mark the declaration malformed; out-of-range values become problems.
    /// The defaults below are the attributes' documented defaults (a test compares them).
    /// </summary>
    internal static class ModelSpecReader
    {
        public const string Namespace = "ModelGen";
        public const string ModelAttributeName = "ModelGen.ModelAttribute";

        public static ModelDeclaration Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            ImmutableArray<AttributeData> attributes = type.GetAttributes();
            var layers = new List<LayerSpec>();
            var layerIndices = new List<int>();
            var problems = new List<ModelProblem>();
            var spread = new List<int>();
            var initializers = new List<InitializerSpec>();
            var initializerIndices = new List<int>();
            int modelIndex = -1, lossIndex = -1, optimizerIndex = -1;
            int[] inputShape = Array.Empty<int>();
            InputKindSpec inputKind = InputKindSpec.Float;
            string? sequenceLength = null;
            bool autograd = false;
            LossSpec? loss = null;
            OptimizerSpec? optimizer = null;
            bool malformed = false;
            SyntaxNode? modelDeclaration = null;

            for (int i = 0; i < attributes.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AttributeData attribute = attributes[i];
                INamedTypeSymbol? attributeClass = attribute.AttributeClass;
                if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != Namespace)
                {
                    continue;
                }

                string name = attributeClass.Name;
                bool graph = GraphReader.IsGraphAttribute(attributeClass);
                bool known = name == "ModelAttribute" || TrainingSpecReader.IsTrainingAttribute(name) || LayerCatalog.TryFind(name, out _) || graph;
                if (!known)
                {
                    continue;
                }

                if (attribute.AttributeConstructor is null || HasErrors(attribute))
                {
                    malformed = true;
                    continue;
                }

                string display = Display(attribute, cancellationToken);
                DeclaredArguments args = DeclaredArgumentsReader.From(attribute, display);
                if (graph)
                {
                    if (GraphReader.IsShortcut(attributeClass))
                    {
                        problems.Add(new ModelProblem(ProblemKind.InvalidArgument, ProblemTarget.Model, -1,
                            $"{display} is on model {type.Name}, but a shortcut only means something in a [Block] class, where it adds the block's input to the layers above it; declare the residual layers as a block and use it with [Block<TBlock>]"));
                        continue;
                    }

                    layerIndices.Add(i);
                    layers.Add(GraphReader.ReadStep(attribute, args, ImmutableStack<INamedTypeSymbol>.Empty.Push(type), cancellationToken));
                    continue;
                }

                switch (name)
                {
                    case "ModelAttribute":
                        modelIndex = i;
                        modelDeclaration = DeclarationOf(attribute, cancellationToken);
                        inputKind = (InputKindSpec)args.Int("Input", (int)InputKindSpec.Float);
                        inputShape = args.IntArray(0);
                        sequenceLength = args.String("SequenceLength");
                        autograd = args.Bool("Autograd", false);
                        if (sequenceLength is not null)
                        {
                            // The symbolic length is the first dimension, before the declared ones.
                            inputShape = new[] { Shape.Symbolic }.Concat(inputShape).ToArray();
                        }

                        break;

                    case TrainingSpecReader.LossAttributeName:
                        lossIndex = i;
                        loss = TrainingSpecReader.ReadLoss(args, problems);
                        break;

                    case TrainingSpecReader.InitializeAttributeName:
                        if (TrainingSpecReader.ReadInitializer(args, initializerIndices.Count, problems) is InitializerSpec initializer)
                        {
                            initializers.Add(initializer);
                        }

                        initializerIndices.Add(i);
                        break;

                    case TrainingSpecReader.OptimizerAttributeName:
                        optimizerIndex = i;
                        optimizer = TrainingSpecReader.ReadOptimizer(args, problems);
                        break;

                    default:
                        LayerCatalog.TryFind(name, out LayerEntry entry);
                        layerIndices.Add(i);
                        layers.Add(WithName(entry.Read(args), args));
                        break;
                }
            }

            // A class split over several files: layers must sit beside [Model], or their order is
            // the order in which the compiler happened to visit the files.
            if (modelDeclaration is not null)
            {
                foreach (int index in layerIndices.Concat(initializerIndices).Concat(new[] { lossIndex, optimizerIndex }).Where(index => index >= 0))
                {
                    SyntaxNode? declaration = DeclarationOf(attributes[index], cancellationToken);
                    if (declaration is not null && (declaration.SyntaxTree != modelDeclaration.SyntaxTree || declaration.Span != modelDeclaration.Span))
                    {
                        spread.Add(index);
                    }
                }
            }

            var spec = new ModelSpec(
                type.Name,
                new EquatableArray<int>(inputShape),
                new EquatableArray<LayerSpec>(layers),
                loss,
                optimizer)
            {
                Input = inputKind,
                SequenceLength = sequenceLength,
                Initializers = new EquatableArray<InitializerSpec>(initializers),
                Autograd = autograd,
                HandWrittenForward = HasHandWrittenForward(type),
            };
            return new ModelDeclaration(
                spec,
                modelIndex,
                new EquatableArray<int>(layerIndices),
                lossIndex,
                optimizerIndex,
                new EquatableArray<ModelProblem>(problems),
                new EquatableArray<int>(spread),
                malformed)
            {
                InitializerAttributes = new EquatableArray<int>(initializerIndices),
            };
        }

        /// <summary>Whether the class declares <c>forward(Tensor)</c> itself (the generator then leaves it to the user).</summary>
        internal static bool HasHandWrittenForward(INamedTypeSymbol type) =>
            type.GetMembers("forward").OfType<IMethodSymbol>().Any(method => method.Parameters.Length == 1 && !method.IsImplicitlyDeclared && !method.IsStatic);

        /// <summary>The spec with the attribute's <c>Name</c>, when one is written.</summary>
        internal static LayerSpec WithName(LayerSpec spec, DeclaredArguments args) =>
            args.String("Name") is string name ? spec with { Name = name } : spec;

        internal static bool HasErrors(AttributeData attribute) =>
            attribute.ConstructorArguments.Any(IsError) || attribute.NamedArguments.Any(pair => IsError(pair.Value));

        private static bool IsError(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Error || (constant.Kind == TypedConstantKind.Array && !constant.IsNull && constant.Values.Any(IsError));

        private static SyntaxNode? DeclarationOf(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();

        /// <summary>The attribute as written, whitespace collapsed: <c>Conv2d(16, Kernel = 3)</c>.</summary>
        public static string Display(AttributeData attribute, CancellationToken cancellationToken)
        {
            SyntaxNode? syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            string text = syntax?.ToString() ?? attribute.AttributeClass?.Name ?? "?";
            return Regex.Replace(text, @"\s+", " ");
        }
    }
}

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
            int modelIndex = -1, lossIndex = -1, optimizerIndex = -1;
            int[] inputShape = Array.Empty<int>();
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
                bool known = name == "ModelAttribute" || TrainingSpecReader.IsTrainingAttribute(name) || TryLayerKind(name, out _);
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
                switch (name)
                {
                    case "ModelAttribute":
                        modelIndex = i;
                        inputShape = args.IntArray(0);
                        modelDeclaration = DeclarationOf(attribute, cancellationToken);
                        break;

                    case TrainingSpecReader.LossAttributeName:
                        lossIndex = i;
                        loss = TrainingSpecReader.ReadLoss(args, problems);
                        break;

                    case TrainingSpecReader.OptimizerAttributeName:
                        optimizerIndex = i;
                        optimizer = TrainingSpecReader.ReadOptimizer(args, problems);
                        break;

                    default:
                        TryLayerKind(name, out LayerKind kind);
                        layerIndices.Add(i);
                        layers.Add(ReadLayer(kind, display, args));
                        break;
                }
            }

            // A class split over several files: layers must sit beside [Model], or their order is
            // the order in which the compiler happened to visit the files.
            if (modelDeclaration is not null)
            {
                foreach (int index in layerIndices.Concat(new[] { lossIndex, optimizerIndex }).Where(index => index >= 0))
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
                optimizer);
            return new ModelDeclaration(
                spec,
                modelIndex,
                new EquatableArray<int>(layerIndices),
                lossIndex,
                optimizerIndex,
                new EquatableArray<ModelProblem>(problems),
                new EquatableArray<int>(spread),
                malformed);
        }

        /// <summary>Maps an attribute class name to its layer kind: <c>Conv2dAttribute</c> → Conv2d.</summary>
        public static bool TryLayerKind(string attributeClassName, out LayerKind kind)
        {
            kind = default;
            const string suffix = "Attribute";
            return attributeClassName.EndsWith(suffix, StringComparison.Ordinal)
                && Enum.TryParse(attributeClassName.Substring(0, attributeClassName.Length - suffix.Length), ignoreCase: false, out kind)
                && Enum.IsDefined(typeof(LayerKind), kind)
                && kind.ToString() + suffix == attributeClassName;
        }

        private static LayerSpec ReadLayer(LayerKind kind, string display, DeclaredArguments args)
        {
            switch (kind)
            {
                case LayerKind.Linear:
                    return new LayerSpec(kind, display, Size: args.Int(0, 0), Bias: args.Bool("Bias", true));

                case LayerKind.Conv2d:
                    return new LayerSpec(
                        kind,
                        display,
                        Size: args.Int(0, 0),
                        Kernel: args.Pair("Kernel", 0),
                        Stride: args.Pair("Stride", 1),
                        Padding: args.Pair("Padding", 0),
                        Dilation: args.Pair("Dilation", 1),
                        Bias: args.Bool("Bias", true));

                case LayerKind.MaxPool2d:
                case LayerKind.AvgPool2d:
                {
                    int square = args.Int(0, 0);
                    Pair kernel = args.Pair("Kernel", square);
                    Pair strideDefault = args.Pair("Stride", 0);
                    Pair stride = new(
                        strideDefault.Height == 0 && !args.Has("Stride") && !args.Has("StrideHeight") ? kernel.Height : strideDefault.Height,
                        strideDefault.Width == 0 && !args.Has("Stride") && !args.Has("StrideWidth") ? kernel.Width : strideDefault.Width);
                    return new LayerSpec(kind, display, Kernel: kernel, Stride: stride, Padding: args.Pair("Padding", 0), Dilation: Pair.Square(1));
                }

                case LayerKind.Dropout:
                    return new LayerSpec(kind, display, Rate: args.Double(0, 0.5));

                case LayerKind.BatchNorm1d:
                case LayerKind.BatchNorm2d:
                    return new LayerSpec(kind, display, Rate: args.Double("Eps", 1e-5), Momentum: args.Double("Momentum", 0.1));

                case LayerKind.LeakyReLU:
                    return new LayerSpec(kind, display, Rate: args.Double("NegativeSlope", 0.01));

                case LayerKind.Softmax:
                case LayerKind.LogSoftmax:
                    return new LayerSpec(kind, display, Dim: args.Int("Dim", 1));

                default:
                    return new LayerSpec(kind, display);
            }
        }

        private static bool HasErrors(AttributeData attribute) =>
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

using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Roslyn;

namespace ModelGen.Analyzers
{
    /// <summary>
    /// Turns the attribute indices of a <see cref="ModelDeclaration"/> into source locations: the
    /// span of the attribute as written (<c>Conv2d(4, Kernel = 9)</c>, without the brackets), so
    /// the squiggle sits under the layer that breaks. Falls back to the class name when an index
    /// is missing, which only a declaration the compiler already rejects can produce.
    /// </summary>
    internal readonly struct AttributeLocations
    {
        private readonly INamedTypeSymbol _type;
        private readonly ImmutableArray<AttributeData> _attributes;
        private readonly ModelDeclaration _declaration;

        public AttributeLocations(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, ModelDeclaration declaration)
        {
            _type = type;
            _attributes = attributes;
            _declaration = declaration;
        }

        /// <summary>The location of the attribute a problem is about.</summary>
        public Location Of(ModelProblem problem)
        {
            int index = problem.Target switch
            {
                ProblemTarget.Model => _declaration.ModelAttribute,
                ProblemTarget.Loss => _declaration.LossAttribute,
                ProblemTarget.Optimizer => _declaration.OptimizerAttribute,
                ProblemTarget.Initializer => problem.LayerIndex >= 0 && problem.LayerIndex < _declaration.InitializerAttributes.Count
                    ? _declaration.InitializerAttributes[problem.LayerIndex]
                    : -1,
                _ => problem.LayerIndex >= 0 && problem.LayerIndex < _declaration.LayerAttributes.Count
                    ? _declaration.LayerAttributes[problem.LayerIndex]
                    : -1,
            };
            return Of(index);
        }

        /// <summary>The location of the attribute at <paramref name="index"/> in the class's attributes.</summary>
        public Location Of(int index)
        {
            Location? location = index >= 0 && index < _attributes.Length ? Of(_attributes[index]) : null;
            return location ?? _type.Locations.FirstOrDefault() ?? Location.None;
        }

        /// <summary>The span of an attribute application, or null for one that has no source.</summary>
        public static Location? Of(AttributeData attribute)
        {
            SyntaxReference? reference = attribute.ApplicationSyntaxReference;
            return reference is null ? null : Location.Create(reference.SyntaxTree, reference.Span);
        }
    }
}

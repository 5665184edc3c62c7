using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using ModelGen.Generator.Emit;
using ModelGen.Roslyn;

namespace ModelGen.Generator
{
    public sealed partial class ModelGenerator
    {
        /// <summary>
        /// Reads a [Block] class into the value its module class is written from, or null when it
        /// cannot be generated (not partial, an attribute with errors, a bad name, also a [Model]):
        /// the analyzers say why, at the block's uses.
        /// </summary>
        private static BlockSource? ParseBlock(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            HierarchyInfo hierarchy = HierarchyInfo.From(type);
            if (!hierarchy.AllPartial || type.IsGenericType)
            {
                return null;
            }

            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == ModelSpecReader.ModelAttributeName)
                {
                    return null;
                }
            }

            BlockSpec? block = GraphReader.ReadBlock(type, type.Name, null, new HashSet<int>(), ImmutableStack<INamedTypeSymbol>.Empty, cancellationToken, out _);
            if (block is null)
            {
                return null;
            }

            bool valid = LayerNames.Check(block.Body, block.Shortcut?.FieldName, (_, _, _) => { }, $"block {block.Name}");
            return valid
                ? new BlockSource(hierarchy, block, new EquatableArray<string>(FieldNames.Of(block.Body))) { HandWrittenForward = ModelSpecReader.HasHandWrittenForward(type) }
                : null;
        }

        private static void EmitBlock(SourceProductionContext context, BlockSource source)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(ModelEmitter.HintName(source.Hierarchy), BlockEmitter.Write(source));
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// Reads the graph attributes (<c>Block&lt;T&gt;</c>, <c>Repeat&lt;T&gt;</c>, <c>Concat&lt;…&gt;</c>,
    /// <c>Sum&lt;…&gt;</c>, <c>Shortcut</c>) and resolves the blocks they name: the block class's
    /// own attributes are read here, while the model is parsed, with the use's values in place
    /// of the <c>Block.*</c> constants, so the model's spec holds every instance as plain values
    /// (an edit of the block changes the spec of every model that uses it, and only theirs).
    /// </summary>
    internal static class GraphReader
    {
        public const string BlockAttributeName = "ModelGen.BlockAttribute";

        /// <summary>How deep blocks may nest; deeper is reported (a cycle is reported sooner).</summary>
        private const int MaxDepth = 16;

        /// <summary>The most repetitions one <c>Repeat</c> may ask for.</summary>
        public const int MaxRepeat = 1024;

        /// <summary>The most layers one use may expand to, nested blocks included: hostile nestings of repeats must not hang the compiler.</summary>
        public const int MaxLayers = 50_000;

        /// <summary>The number of layers a step expands to, nested blocks included.</summary>
        public static long Size(LayerSpec spec) => spec switch
        {
            BlockUseSpec use => use.Instances.Sum(Size),
            BranchesSpec branches => branches.Branches.Sum(Size),
            _ => 1,
        };

        private static long Size(BlockSpec block) => 1 + block.Body.Sum(Size);

        /// <summary>Whether the attribute class is one of the graph attributes (a use, branches or a shortcut).</summary>
        public static bool IsGraphAttribute(INamedTypeSymbol attributeClass) =>
            attributeClass.Name switch
            {
                "BlockAttribute" or "RepeatAttribute" => attributeClass.Arity == 1,
                "ConcatAttribute" => attributeClass.Arity >= 1,
                "SumAttribute" => attributeClass.Arity >= 2,
                "ShortcutAttribute" or "ReuseAttribute" or "SegmentAttribute" => attributeClass.Arity == 0,
                _ => false,
            };

        /// <summary>Whether the attribute is a shortcut (which only a block may hold).</summary>
        public static bool IsShortcut(INamedTypeSymbol attributeClass) => attributeClass.Name == "ShortcutAttribute";

        /// <summary>Whether <paramref name="type"/> is marked <c>[Block]</c>.</summary>
        public static bool IsBlock(INamedTypeSymbol type) =>
            type.GetAttributes().Any(a => a.AttributeClass is { Name: "BlockAttribute", Arity: 0 } c && c.ContainingNamespace?.ToDisplayString() == ModelSpecReader.Namespace);

        /// <summary>Reads a use or branches attribute (already mapped through the enclosing block's values).</summary>
        public static LayerSpec ReadStep(AttributeData attribute, DeclaredArguments args, ImmutableStack<INamedTypeSymbol> path, CancellationToken cancellationToken)
        {
            INamedTypeSymbol attributeClass = attribute.AttributeClass!;
            string? name = args.String("Name");
            LayerSpec spec = attributeClass.Name switch
            {
                "ConcatAttribute" or "SumAttribute" => ReadBranches(attributeClass, args, path, cancellationToken),
                "ReuseAttribute" => ReuseEntry.Instance.Read(args),
                "SegmentAttribute" => SegmentEntry.Instance.Read(args),
                _ => ReadUse(attributeClass, args, path, cancellationToken),
            };
            return name is null ? spec : spec with { Name = name };
        }

        private static LayerSpec ReadUse(INamedTypeSymbol attributeClass, DeclaredArguments args, ImmutableStack<INamedTypeSymbol> path, CancellationToken cancellationToken)
        {
            bool repeated = attributeClass.Name == "RepeatAttribute";
            var block = attributeClass.TypeArguments[0] as INamedTypeSymbol;
            string blockName = block?.Name ?? attributeClass.TypeArguments[0].Name;
            int count = repeated ? args.Int(0, 0) : 1;
            BlockUseSpec Failed(string error) => new(BlockUseEntry.Instance, args.Display, blockName, repeated, EquatableArray<BlockSpec>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, error);
            if (repeated && (count < 1 || count > MaxRepeat))
            {
                return Failed($"{args.Display}: the count must be between 1 and {MaxRepeat}, got {count}");
            }

            var given = new Dictionary<int, int>();
            foreach (KeyValuePair<string, object?> pair in args.NamedArguments)
            {
                int index = BlockParameters.IndexOf(pair.Key);
                if (index >= 0 && pair.Value is int value)
                {
                    given[index] = value;
                }
            }

            var used = new HashSet<int>();
            var instances = new List<BlockSpec>();
            long size = 0;
            for (int i = 0; i < count; i++)
            {
                var values = new Dictionary<int, int>(given);
                int stride = BlockParameters.IndexOf("Stride");
                if (i > 0 && values.ContainsKey(stride))
                {
                    values[stride] = 1;
                }

                BlockSpec? instance = ReadBlock(block, args.Display, values, used, path, cancellationToken, out string? error);
                if (instance is null)
                {
                    return Failed(error!);
                }

                instances.Add(instance);
                size += Size(instance);
                if (size > MaxLayers)
                {
                    return Failed($"{args.Display} expands to more than {MaxLayers:N0} layers with the blocks nested in it; use fewer repetitions");
                }
            }

            var missing = used.Where(index => !given.ContainsKey(index)).OrderBy(index => index).Select(index => BlockParameters.Names[index]);
            var unused = given.Keys.Where(index => !used.Contains(index)).OrderBy(index => index).Select(index => BlockParameters.Names[index]);
            return new BlockUseSpec(
                BlockUseEntry.Instance,
                args.Display,
                blockName,
                repeated,
                new EquatableArray<BlockSpec>(instances),
                new EquatableArray<string>(missing),
                new EquatableArray<string>(unused),
                null);
        }

        private static LayerSpec ReadBranches(INamedTypeSymbol attributeClass, DeclaredArguments args, ImmutableStack<INamedTypeSymbol> path, CancellationToken cancellationToken)
        {
            BranchesEntry entry = attributeClass.Name == "ConcatAttribute" ? BranchesEntry.Concat : BranchesEntry.Sum;
            bool includeInput = args.Bool("IncludeInput", false) || (entry == BranchesEntry.Concat && attributeClass.Arity == 1);
            var branches = new List<BlockSpec>();
            foreach (ITypeSymbol argument in attributeClass.TypeArguments)
            {
                var used = new HashSet<int>();
                BlockSpec? branch = ReadBlock(argument as INamedTypeSymbol, args.Display, new Dictionary<int, int>(), used, path, cancellationToken, out string? error);
                if (branch is null)
                {
                    return new BranchesSpec(entry, args.Display, EquatableArray<BlockSpec>.Empty, includeInput, error);
                }

                if (used.Count > 0)
                {
                    string parameter = BlockParameters.Names[used.Min()];
                    return new BranchesSpec(entry, args.Display, EquatableArray<BlockSpec>.Empty, includeInput,
                        $"{args.Display}: branch {argument.Name} takes Block.{parameter}, but a branch has no use to give it a value; write the number in {argument.Name}, or use it through [Block<{argument.Name}>({parameter} = …)] inside a block of its own");
                }

                branches.Add(branch);
            }

            return new BranchesSpec(entry, args.Display, new EquatableArray<BlockSpec>(branches), includeInput, null);
        }

        /// <summary>
        /// Reads a block class's layers with <paramref name="values"/> in place of the block
        /// parameters (null: keep the sentinels, to generate the block's own class); records in
        /// <paramref name="used"/> the parameters its layers take. Null, with the reason, when the
        /// class is not a block, uses itself, or has an attribute with errors.
        /// </summary>
        public static BlockSpec? ReadBlock(INamedTypeSymbol? block, string useDisplay, IReadOnlyDictionary<int, int>? values, HashSet<int> used, ImmutableStack<INamedTypeSymbol> path, CancellationToken cancellationToken, out string? error)
        {
            error = null;
            if (block is null || block.TypeKind != TypeKind.Class || !IsBlock(block))
            {
                error = $"{useDisplay}: {block?.Name ?? "the type"} is not a block; mark the partial class [Block] and declare its layers on it";
                return null;
            }

            if (block.IsGenericType)
            {
                error = $"{useDisplay}: {block.Name} is generic; a block class cannot have type parameters";
                return null;
            }

            if (path.Contains(block, SymbolEqualityComparer.Default))
            {
                error = $"{useDisplay}: {block.Name} uses itself (through {string.Join(" → ", path.Reverse().Select(t => t.Name))}); a block cannot contain itself";
                return null;
            }

            if (path.Count() >= MaxDepth)
            {
                error = $"{useDisplay}: blocks nest more than {MaxDepth} deep at {block.Name}";
                return null;
            }

            ImmutableStack<INamedTypeSymbol> inner = path.Push(block);
            var body = new List<LayerSpec>();
            ShortcutSpec? shortcut = null;
            foreach (AttributeData attribute in block.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                INamedTypeSymbol? attributeClass = attribute.AttributeClass;
                if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != ModelSpecReader.Namespace)
                {
                    continue;
                }

                bool graph = IsGraphAttribute(attributeClass);
                if (!graph && !LayerCatalog.TryFind(attributeClass.Name, out _))
                {
                    continue;
                }

                if (attribute.AttributeConstructor is null || ModelSpecReader.HasErrors(attribute))
                {
                    error = $"{useDisplay}: {block.Name} has an attribute with compile errors; fix them first";
                    return null;
                }

                string display = ModelSpecReader.Display(attribute, cancellationToken);
                DeclaredArguments args = DeclaredArgumentsReader.From(attribute, display).Map(value =>
                {
                    int index = BlockParameters.IndexOf(value);
                    if (index < 0)
                    {
                        return value;
                    }

                    used.Add(index);
                    return values is not null && values.TryGetValue(index, out int given) ? given : value;
                });

                if (IsShortcut(attributeClass))
                {
                    if (shortcut is not null)
                    {
                        error = $"{useDisplay}: {block.Name} declares [Shortcut] twice; a residual block has one sum";
                        return null;
                    }

                    int projection = args.Int("Projection", 0);
                    if (projection is < 0 or > 2)
                    {
                        error = $"{useDisplay}: {block.Name}'s {display} has an unknown Projection value {projection}";
                        return null;
                    }

                    shortcut = new ShortcutSpec(body.Count, (ShortcutProjectionSpec)projection, args.String("Name") ?? "downsample", display);
                }
                else if (attributeClass.Name == "SegmentAttribute")
                {
                    error = $"{useDisplay}: {block.Name} declares {display}, but a block's layers form one chain; segments belong to models with a hand-written forward";
                    return null;
                }
                else if (graph)
                {
                    LayerSpec step = ReadStep(attribute, args, inner, cancellationToken);
                    string? stepError = step switch
                    {
                        BlockUseSpec use => use.Error,
                        BranchesSpec branches => branches.Error,
                        _ => null,
                    };
                    if (stepError is not null)
                    {
                        error = $"{useDisplay}: in {block.Name}, {stepError}";
                        return null;
                    }

                    body.Add(step);
                }
                else
                {
                    LayerCatalog.TryFind(attributeClass.Name, out LayerEntry entry);
                    body.Add(ModelSpecReader.WithName(entry.Read(args), args));
                }
            }

            string typeName = block.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new BlockSpec(block.Name, typeName, new EquatableArray<LayerSpec>(body), shortcut) { HandWrittenForward = ModelSpecReader.HasHandWrittenForward(block) };
        }
    }
}

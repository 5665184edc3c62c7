using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// What test compilations reference: the framework the tests run on and the ModelGen runtime
/// (for the attribute types). The framework comes from the running .NET, not from a NuGet
/// reference-assembly package: no package of the net10.0 reference assemblies is served for the
/// testing library's built-in sets, and the runtime assembly, built for net10.0, cannot be
/// compiled against an older framework.
/// </summary>
internal static class TestReferences
{
    /// <summary>The framework's managed assemblies, read once.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    /// <summary>ModelGen.Runtime, which declares <c>[Model]</c>, the layer attributes and the enums.</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(ModelAttribute).Assembly.Location);

    /// <summary>Everything a test compilation references.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Framework.Add(Runtime);

    /// <summary>An empty reference set for the testing library: the references above are added explicitly.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0").WithAssemblies(ImmutableArray<string>.Empty);

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        string directory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The framework directory is unknown.");
        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using ModelGen.Domain;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests.Catalog;

/// <summary>The catalog against the runtime's attributes and the generated documentation.</summary>
public sealed class CatalogTests
{
    [Fact]
    public void EveryLayerAttributeHasAnEntryAndEveryEntryAnAttribute()
    {
        string[] attributes = typeof(LayerAttribute).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(LayerAttribute)) && !type.IsAbstract && type.Namespace == "ModelGen")
            .Select(type => type.Name.Substring(0, type.Name.Length - "Attribute".Length))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        string[] entries = LayerCatalog.Entries.Select(entry => entry.Name).OrderBy(name => name, StringComparer.Ordinal).ToArray();

        Assert.Equal(attributes, entries);
        Assert.Equal(entries.Length, entries.Distinct().Count());
    }

    [Fact]
    public void EveryEntryIsFoundByItsAttributeName()
    {
        foreach (LayerEntry entry in LayerCatalog.Entries)
        {
            Assert.True(LayerCatalog.TryFind(entry.Name + "Attribute", out LayerEntry found) && ReferenceEquals(found, entry), entry.Name);
        }

        Assert.False(LayerCatalog.TryFind("ModelAttribute", out _));
        Assert.False(LayerCatalog.TryFind("LayerAttribute", out _));
    }

    [Fact]
    public void EveryEntryIsDocumented()
    {
        foreach (LayerEntry entry in LayerCatalog.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Signature), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.ShapeRule), entry.Name);
            Assert.StartsWith(entry.Name, entry.Signature, StringComparison.Ordinal);
            Assert.Matches("^[a-z]+$", entry.FieldPrefix);
        }
    }

    [Fact]
    public void LayerDocumentationIsGeneratedFromTheCatalog() => VerifyDocs(LayerDocs.Render());

    private static void VerifyDocs(string actual, [CallerFilePath] string testFile = "")
    {
        string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "..", "docs", "layers.md"));
        string? committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (committed == actual)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Fail($"{path} is stale: the catalog changed. Regenerate it with {Snapshot.AcceptVariable}=1 dotnet test tests/ModelGen.Generator.Tests -c Release.");
    }
}

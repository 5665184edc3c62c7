using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;
using Xunit;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The descriptors agree with the shared domain (severity), with the release-tracking files and
/// with the documentation: one page per id, the help link pointing at it.
/// </summary>
public sealed class DescriptorTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Supported = new ModelAnalyzer().SupportedDiagnostics;

    public static TheoryData<string> Ids => new(Supported.Select(d => d.Id));

    [Fact]
    public void EveryProblemKind_DescriptorSeverityAgreesWithIsError()
    {
        // ProblemKind is internal to the analyzer assembly, so the kinds are walked here rather
        // than passed as theory data.
        ProblemKind[] kinds = Enum.GetValues<ProblemKind>();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind =>
        {
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.For(kind);
            // The informational rules report a choice ModelGen made, not a mistake: MG0014 (autograd
            // instead of the generated backward) and MG0015 (no ONNX export). Other non-errors are warnings.
            DiagnosticSeverity expected = kind.IsError() ? DiagnosticSeverity.Error
                : kind is ProblemKind.AutogradBackward or ProblemKind.OnnxUnmapped ? DiagnosticSeverity.Info
                : DiagnosticSeverity.Warning;
            Assert.Equal(expected, descriptor.DefaultSeverity);
            Assert.Contains(descriptor, Supported);
        });
    }

    [Fact]
    public void ProblemKinds_MapToDistinctDescriptors()
    {
        ProblemKind[] kinds = Enum.GetValues<ProblemKind>();

        Assert.Equal(kinds.Length, kinds.Select(kind => DiagnosticDescriptors.For(kind).Id).Distinct().Count());
    }

    [Fact]
    public void Ids_AreUniqueAndNumberedWithoutGaps()
    {
        string[] expected = Enumerable.Range(1, Supported.Count).Select(n => $"MG{n:D4}").ToArray();

        Assert.Equal(expected, Supported.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsDocsPage_AndTheMessageNamesIt(string id)
    {
        DiagnosticDescriptor descriptor = Supported.Single(d => d.Id == id);
        string page = Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md");

        // No public home yet: no help link to an address that is not the project's; the message
        // (what dotnet build prints) and the description name the page instead.
        Assert.Equal(string.Empty, descriptor.HelpLinkUri);
        Assert.EndsWith($" (docs/diagnostics/{id}.md)", descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith($"See docs/diagnostics/{id}.md.", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains($"Severity: **{descriptor.DefaultSeverity}**", text, StringComparison.Ordinal);
        Assert.StartsWith("{0} ", descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasARowInTheDocsIndex_WithSeverityCategoryAndTitle(string id)
    {
        DiagnosticDescriptor descriptor = Supported.Single(d => d.Id == id);
        string[] rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "diagnostics", "README.md"))
            .Where(line => line.StartsWith($"| [{id}]({id}.md) |", StringComparison.Ordinal))
            .ToArray();

        string row = Assert.Single(rows);
        string[] cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        Assert.Equal(descriptor.Category, cells[3]);
        Assert.StartsWith(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsListedInReleaseTracking_WithItsCategoryAndSeverity(string id)
    {
        DiagnosticDescriptor descriptor = Supported.Single(d => d.Id == id);
        string[] rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Analyzers", "AnalyzerReleases.Shipped.md")))
            .Where(line => line.StartsWith(id + " ", StringComparison.Ordinal))
            .ToArray();

        string row = Assert.Single(rows);
        string[] cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    private static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ModelGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("ModelGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

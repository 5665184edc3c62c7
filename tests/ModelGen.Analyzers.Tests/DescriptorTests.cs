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
            Assert.Equal(kind.IsError() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
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
        // Ids are handed out in ranges (MG0050–MG0059: blocks and branches); each range is numbered without gaps.
        foreach (IGrouping<int, string> range in Supported.Select(d => d.Id).GroupBy(id => int.Parse(id.Substring(2), System.Globalization.CultureInfo.InvariantCulture) >= 50 ? 50 : 1))
        {
            string[] expected = Enumerable.Range(range.Key, range.Count()).Select(n => $"MG{n:D4}").ToArray();
            Assert.Equal(expected, range.OrderBy(id => id, StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsDocsPage_AndTheHelpLinkPointsAtIt(string id)
    {
        DiagnosticDescriptor descriptor = Supported.Single(d => d.Id == id);
        string page = Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md");

        Assert.Equal($"https://github.com/modelgen/modelgen/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains($"Severity: **{descriptor.DefaultSeverity}**", text, StringComparison.Ordinal);
        Assert.Equal("{0}", descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(descriptor.IsEnabledByDefault);
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

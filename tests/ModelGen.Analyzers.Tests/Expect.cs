using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ModelGen.Analyzers.Tests;

/// <summary>Expected diagnostics: a descriptor, the markup location and the complete message.</summary>
internal static class Expect
{
    /// <summary>
    /// <paramref name="descriptor"/> at the span marked <c>{|#n:…|}</c>, with exactly
    /// <paramref name="message"/> followed by the rule's docs page, which every message names
    /// (<c>(docs/diagnostics/MG0001.md)</c>); the severity is the descriptor's.
    /// </summary>
    public static DiagnosticResult At(int markup, DiagnosticDescriptor descriptor, string message) =>
        new DiagnosticResult(descriptor).WithLocation(markup).WithMessage(message + " (" + DiagnosticDescriptors.DocsPage(descriptor.Id) + ")");

    /// <summary>A model source: the usual usings and namespace around <paramref name="declaration"/>.</summary>
    public static string Source(string declaration) =>
        "using ModelGen;\n\nnamespace Samples\n{\n" + declaration + "\n}\n";
}

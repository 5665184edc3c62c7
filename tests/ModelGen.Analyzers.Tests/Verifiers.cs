using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ModelGen.Analyzers.CodeFixes;

namespace ModelGen.Analyzers.Tests;

/// <summary>The analyzer test, set up with the framework and the ModelGen runtime.</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<ModelAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(params string[] sources)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        foreach (string source in sources)
        {
            TestState.Sources.Add(source);
        }
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and checks that it reports exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Checks that <paramref name="source"/> has no warning or error and that every model exports
    /// to ONNX (no MG0015); that a model trains with autograd (MG0014, information) is not asserted.
    /// </summary>
    public static Task VerifyNoWarningsAsync(string source)
    {
        var test = new AnalyzerTest(source);
        test.DisabledDiagnostics.Add(DiagnosticDescriptors.AutogradBackwardId);
        return test.RunAsync();
    }
}

/// <summary>The MG0004 code-fix test, set up like <see cref="AnalyzerTest"/>.</summary>
internal sealed class MakePartialTest : CSharpCodeFixTest<ModelAnalyzer, MakePartialCodeFixProvider, DefaultVerifier>
{
    public MakePartialTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = source;
        FixedCode = fixedSource;
    }
}

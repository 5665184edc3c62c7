using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ModelGen.Analyzers.CodeFixes;

namespace ModelGen.Analyzers.Tests;

/// <summary>The review rules' code-fix test, set up like <see cref="AnalyzerTest"/>.</summary>
internal sealed class ReviewFixTest : CSharpCodeFixTest<ModelAnalyzer, ReviewCodeFixProvider, DefaultVerifier>
{
    public ReviewFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = source;
        FixedCode = fixedSource;
    }
}

/// <summary>The declaration rules' code-fix test (MG0027–MG0029).</summary>
internal sealed class DeclarationFixTest : CSharpCodeFixTest<ModelAnalyzer, DeclarationCodeFixProvider, DefaultVerifier>
{
    public DeclarationFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = source;
        FixedCode = fixedSource;
    }
}

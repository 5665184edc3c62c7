using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// The pipeline caches: an edit that does not touch a model regenerates nothing, and no step
/// output holds a symbol, syntax node or compilation (which would defeat caching and pin memory).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Declarations, TrackingNames.Plans };

    [Fact]
    public void AddingUnrelatedTypeDoesNotRegenerateModel()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(
            Models.DigitsCnn,
            compilation => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", TestCompilation.ParseOptions)));

        AssertAllCached(second);
        Assert.All(
            second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.GeneratedTrees.Single().ToString(), second.GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void AddedCommentDoesNotModifyOutput()
    {
        (_, GeneratorDriverRunResult second) = RunTwice(
            Models.Mlp,
            compilation =>
            {
                SyntaxTree tree = compilation.SyntaxTrees.Single();
                SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment\n"));
                return compilation.ReplaceSyntaxTree(tree, edited);
            });

        foreach (string step in TrackedSteps)
        {
            Assert.All(
                second.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(
            second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void ChangingALayerRegeneratesTheModel()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(
            Models.Mlp,
            compilation =>
            {
                SyntaxTree tree = compilation.SyntaxTrees.Single();
                string text = tree.GetText().ToString().Replace("[Linear(32), ReLU]", "[Linear(48), ReLU]");
                return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, tree.FilePath));
            });

        Assert.Contains(
            second.Results.Single().TrackedSteps[TrackingNames.Plans].SelectMany(s => s.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.NotEqual(first.GeneratedTrees.Single().ToString(), second.GeneratedTrees.Single().ToString());
        Assert.Contains("public const long ParameterCount = 3610;", second.GeneratedTrees.Single().ToString()); // (64·48 + 48) + (48·10 + 10)
    }

    [Fact]
    public void StepOutputsHoldNoSymbolsSyntaxOrCompilation()
    {
        GeneratorDriverRunResult result = TestCompilation.Driver()
            .RunGenerators(TestCompilation.Create(Models.EveryLayer, Models.DigitsCnn))
            .GetRunResult();

        foreach (string step in TrackedSteps)
        {
            IncrementalGeneratorRunStep[] runs = result.Results.Single().TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            foreach (IncrementalGeneratorRunStep run in runs)
            {
                foreach ((object value, _) in run.Outputs)
                {
                    AssertNoBannedTypes(value, $"{step} output", new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(string source, Func<Compilation, Compilation> edit)
    {
        CSharpCompilation compilation = TestCompilation.Create(source);
        GeneratorDriver driver = TestCompilation.Driver().RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation.Clone()));
        return (first, driver.GetRunResult());
    }

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            IncrementalStepRunReason[] reasons = result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.NotEmpty(reasons);

            // The attribute step re-runs its transform when the compilation changes (symbols may
            // have), but must produce an equal value; everything after it must come from the cache.
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached || (step == TrackingNames.Declarations && reason is IncrementalStepRunReason.Unchanged),
                $"{step}: {reason}"));
        }
    }

    /// <summary>Walks an object graph (fields, arrays, enumerables) and fails on any Roslyn symbol, syntax or compilation.</summary>
    private static void AssertNoBannedTypes(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location, $"{path} holds a {value.GetType().Name}");

        if (value is IEnumerable enumerable)
        {
            int i = 0;
            foreach (object? item in enumerable)
            {
                AssertNoBannedTypes(item, $"{path}[{i++}]", seen);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoBannedTypes(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}

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
/// A model that uses a block reads the block's attributes in its parse step, so its value holds the
/// block's layers: an edit of the block (in its own file) must regenerate the block and every model
/// that uses it; an edit elsewhere must regenerate neither.
/// </summary>
public sealed class TopologyIncrementalityTests
{
    private const string BlockFile = """
        using ModelGen;

        namespace Samples.Res;

        [Block]
        [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv1"), BatchNorm2d(Name = "bn1"), ReLU]
        [Shortcut]
        public partial class Unit;
        """;

    private const string ModelFile = """
        using ModelGen;

        namespace Samples.Res;

        [Model(4, 8, 8)]
        [Conv2d(8, Kernel = 3, Padding = 1)]
        [Repeat<Unit>(2, Width = 8, Name = "stage")]
        [Flatten, Linear(2)]
        public partial class UnitNet;
        """;

    [Fact]
    public void EditingTheBlockRegeneratesTheModelThatUsesIt()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(tree => tree.FilePath == "Block.cs", text => text.Replace("Kernel = 3, Padding = 1", "Kernel = 1"));

        Assert.Contains(Outputs(second, TrackingNames.Plans), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(second, TrackingNames.Blocks), output => output.Reason == IncrementalStepRunReason.Modified);
        string before = Model(first), after = Model(second);
        Assert.NotEqual(before, after);

        // 8·8·3·3 = 576 weights per 3×3 block convolution become 8·8 = 64 with a 1×1 kernel.
        Assert.Contains("public const long ParameterCount = 1482;", after); // (8·4·9 + 8) + 2·(64 + 16) + (512·2 + 2)
    }

    [Fact]
    public void EditingAnotherFileRegeneratesNeitherTheBlockNorTheModel()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(tree => tree.FilePath == "Other.cs", text => text + "\nclass Unrelated2 { }");

        Assert.All(Outputs(second, TrackingNames.Plans), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.All(Outputs(second, TrackingNames.Blocks), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(
            second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(Model(first), Model(second));
    }

    [Fact]
    public void BlockAndGraphStepOutputsHoldNoSymbolsSyntaxOrCompilation()
    {
        GeneratorDriverRunResult result = TestCompilation.Driver().RunGenerators(Sources()).GetRunResult();
        foreach (string step in new[] { TrackingNames.Declarations, TrackingNames.Plans, TrackingNames.Blocks })
        {
            (object, IncrementalStepRunReason)[] outputs = Outputs(result, step).ToArray();
            Assert.NotEmpty(outputs);
            foreach ((object value, _) in outputs)
            {
                AssertNoBannedTypes(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static CSharpCompilation Sources() => TestCompilation.Create().AddSyntaxTrees(
        CSharpSyntaxTree.ParseText(BlockFile, TestCompilation.ParseOptions, "Block.cs"),
        CSharpSyntaxTree.ParseText(ModelFile, TestCompilation.ParseOptions, "Model.cs"),
        CSharpSyntaxTree.ParseText("class Unrelated { }", TestCompilation.ParseOptions, "Other.cs"));

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Func<SyntaxTree, bool> which, Func<string, string> edit)
    {
        CSharpCompilation compilation = Sources();
        GeneratorDriver driver = TestCompilation.Driver().RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();
        SyntaxTree tree = compilation.SyntaxTrees.Single(which);
        Compilation edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edit(tree.GetText().ToString()), TestCompilation.ParseOptions, tree.FilePath));
        driver = driver.RunGenerators(edited);
        return (first, driver.GetRunResult());
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult result, string step) =>
        result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs);

    private static string Model(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("UnitNet.g.cs", StringComparison.Ordinal)).ToString();

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

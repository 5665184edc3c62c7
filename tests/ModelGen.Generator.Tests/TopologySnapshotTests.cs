using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>The generated code of a residual block and of a model that repeats it, byte for byte.</summary>
public sealed class TopologySnapshotTests
{
    /// <summary>
    /// 3×16×16 → stem 8×16×16 → stage1: two identity blocks 8×16×16 → stage2: a projection block
    /// ((16 + 2 − 3) / 2 + 1 = 8) 16×8×8 → Concat(input 16, 1×1: 4) 20×8×8 → pool → 20 → 10.
    /// </summary>
    public const string Source = """
        using ModelGen;

        namespace Samples.Residual;

        [Block]
        [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
        [BatchNorm2d(Name = "bn1"), ReLU(Name = "relu")]
        [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
        [BatchNorm2d(Name = "bn2")]
        [Shortcut]
        [ReLU]
        public partial class BasicBlock;

        [Block]
        [Conv2d(4, Kernel = 1)]
        public partial class Squeeze;

        #pragma warning disable MG0003
        [Model(3, 16, 16)]
        [Conv2d(8, Kernel = 3, Padding = 1, Name = "conv1")]
        [Repeat<BasicBlock>(2, Width = 8, Stride = 1, Name = "stage1")]
        [Block<BasicBlock>(Width = 16, Stride = 2, Name = "stage2")]
        [Concat<Squeeze>(Name = "dense")]
        [AdaptiveAvgPool2d(1), Flatten, Linear(10, Name = "fc")]
        [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
        public partial class SmallResNet;
        """;

    [Fact]
    public void ResidualModelAndBlock()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(Source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult[] generated = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(3, generated.Length);
        foreach (GeneratedSourceResult source in generated)
        {
            Snapshot.Verify(source.SourceText.ToString(), source.HintName.Replace(".cs", string.Empty));
        }
    }

    /// <summary>
    /// A Linear applied twice (the first use's backward step adds to the gradients the second wrote),
    /// a sum of two sequence branches and the input, self-attention and a transformer encoder layer:
    /// 4×6 → 4×6 → 4×6 → 4×6 → 4×6 → 4×6 → 24 → 2.
    /// </summary>
    public const string SharedSource = """
        using ModelGen;

        namespace Samples.Shared;

        [Block]
        [Linear(6), Tanh]
        public partial class Mix;

        [Block]
        [Linear(6)]
        public partial class Skip;

        [Model(4, 6)]
        [Linear(6, Name = "shared"), Tanh, Reuse("shared")]
        [Sum<Mix, Skip>(IncludeInput = true)]
        [MultiheadAttention(2), TransformerEncoderLayer(3, DimFeedforward = 8, Dropout = 0.0)]
        [Flatten, Linear(2)]
        [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
        public partial class SharedAttention;
        """;

    [Fact]
    public void SharedWeightsBranchesAndAttention()
    {
        (GeneratorDriverRunResult result, Compilation output) = TestCompilation.Run(SharedSource);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output));
        GeneratedSourceResult model = result.Results.Single().GeneratedSources.Single(s => s.HintName.Contains("SharedAttention", System.StringComparison.Ordinal));
        Snapshot.Verify(model.SourceText.ToString(), model.HintName.Replace(".cs", string.Empty));
    }
}

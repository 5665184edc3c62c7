using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// Blocks, residual shortcuts, branches, names, reuse and hand-written forwards: id, span (the
/// attribute of the use in the model, where the input shape comes from) and the full message.
/// </summary>
public sealed class TopologyDiagnosticTests
{
    private const string Down = """
        [Block]
        [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1)]
        public partial class Down { }

        """;

    [Fact]
    public Task MG0030_UseWithoutAParameterTheBlockTakes() =>
        AnalyzerTest.VerifyAsync(
            Source(Down + """
                [Model(3, 32, 32)]
                [{|#0:Block<Down>(Width = 16)|}]
                [Flatten, Linear(10)]
                public partial class Net { }
                """),
            At(0, MissingBlockParameter, "Block<Down>(Width = 16) does not give Stride, which the layers of Down take (Block.Stride); add Stride = … to the use"));

    [Fact]
    public Task MG0031_UseGivesAParameterNoLayerTakes() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Conv2d(Block.Width, Kernel = 3, Padding = 1)]
                public partial class Same { }

                [Model(3, 8, 8)]
                [{|#0:Block<Same>(Width = 4, Stride = 2)|}]
                [Flatten, Linear(10)]
                public partial class Net { }
                """),
            At(0, UnusedBlockParameter, "Block<Same>(Width = 4, Stride = 2) gives Stride, but no layer of Same takes Block.Stride; remove it from the use or write Block.Stride where the block should take it"));

    [Fact]
    public Task MG0032_IdentityShortcutOnAShapeChangingBody() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Conv2d(Block.Width, Kernel = 3, Padding = 1)]
                [Shortcut(Projection = ShortcutProjection.Identity)]
                public partial class Widen { }

                [Model(8, 16, 16)]
                [{|#0:Block<Widen>(Width = 16)|}]
                [Flatten, Linear(10)]
                public partial class Net { }
                """),
            At(0, ResidualMismatch, "Block<Widen>(Width = 16): the residual body of Widen produces 16×16×16 but its input is 8×16×16, and Shortcut(Projection = ShortcutProjection.Identity) adds the input itself; give the body the input's shape (width and stride) or let the shortcut project (ShortcutProjection.Auto)"));

    [Fact]
    public Task MG0032_NoStrideProjectsAGrowingMap() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [ConvTranspose2d(4, Kernel = 2, Stride = 2)]
                [Shortcut]
                public partial class Grow { }

                [Model(4, 8, 8)]
                [{|#0:Block<Grow>|}]
                [Flatten, Linear(10)]
                public partial class Net { }
                """),
            At(0, ResidualMismatch, "Block<Grow>: the residual body of Grow produces 4×16×16 but its input is 4×8×8; no stride of a 1×1 convolution maps 4×8×8 onto 4×16×16, so the two cannot be added; make the body's spatial sizes the input's divided by one stride"));

    [Fact]
    public Task MG0032_FlatVectorsCannotBeProjected() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Linear(8), ReLU]
                [Shortcut]
                public partial class Dense { }

                [Model(16)]
                [{|#0:Repeat<Dense>(2)|}]
                [Linear(1)]
                public partial class Net { }
                """),
            At(0, ResidualMismatch, "Repeat<Dense>(2), repetition 1 of 2: the residual body of Dense produces 8 but its input is 16; a projection shortcut (1×1 convolution and batch norm) needs channel-first maps of the same rank (C×L, C×H×W or C×D×H×W), so the two cannot be added; keep the body's output at the input's shape"));

    [Fact]
    public Task MG0033_ConcatOnMismatchedSpatialSizes() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block] [Conv2d(4, Kernel = 1)] public partial class Keep { }
                [Block] [Conv2d(4, Kernel = 3)] public partial class Shrink { }

                [Model(3, 8, 8)]
                [{|#0:Concat<Keep, Shrink>|}]
                [Flatten, Linear(2)]
                public partial class Net { }
                """),
            At(0, BranchMismatch, "Concat<Keep, Shrink>: branch Keep is 4×8×8 but branch Shrink is 4×6×6, and concatenation along dimension 1 needs every other dimension equal; make the branches agree (same strides and padding keep the spatial sizes equal)"));

    [Fact]
    public Task MG0033_SumOfDifferentWidths() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block] [Linear(4)] public partial class Four { }
                [Block] [Linear(5)] public partial class Five { }

                [Model(10)]
                [{|#0:Sum<Four, Five>|}]
                [Linear(2)]
                public partial class Net { }
                """),
            At(0, BranchMismatch, "Sum<Four, Five>: branch Four is 4 but branch Five is 5, and a sum needs equal shapes; make the branches agree (same strides and padding keep the spatial sizes equal)"));

    [Fact]
    public Task MG0034_NameUsedTwice() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(10)]
                [Linear(8, Name = "fc")]
                [ReLU]
                [{|#0:Linear(2, Name = "fc")|}]
                public partial class Net { }
                """),
            At(0, DuplicateName, "Linear(2, Name = \"fc\"): the name \"fc\" is already taken by Linear(8, Name = \"fc\") in model Net; two layers cannot share a field and state_dict prefix, so rename one (to apply one layer twice with the same weights, write [Reuse(\"fc\")])"));

    [Fact]
    public Task MG0035_ReusedLayerReceivesAnotherSize() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(10)]
                [Linear(8, Name = "fc")]
                [ReLU]
                [{|#0:Reuse("fc")|}]
                public partial class Net { }
                """),
            At(0, SharedWeightsMismatch, "Reuse(\"fc\"): Linear(8, Name = \"fc\") was built for its input 10 but ReLU above it produces 8; a layer applied twice keeps one set of weights, so give the second input the size of the first or declare a layer of its own"));

    [Fact]
    public Task MG0008_HandWrittenForwardWithoutLayers() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(10)|}]
                public partial class Manual
                {
                    // The analyzer tests reference no TorchSharp: any forward(x) the class declares counts.
                    public object forward(object input) => input;
                }
                """),
            At(0, NoLayers, "Model Manual writes its forward by hand but declares no layers, so it has nothing to register, size or count; declare the layers the forward uses as attributes ([Linear(10, Name = \"fc\")]) and call their fields"));

    [Fact]
    public Task MG0002_ShortcutOutsideABlock() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(10)|}]
                [Linear(10)]
                [Shortcut]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Shortcut is on model Net, but a shortcut only means something in a [Block] class, where it adds the block's input to the layers above it; declare the residual layers as a block and use it with [Block<TBlock>]"));

    [Fact]
    public Task MG0002_UseOfAClassThatIsNotABlock() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                public partial class Plain { }

                [Model(10)]
                [{|#0:Block<Plain>|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Block<Plain>: Plain is not a block; mark the partial class [Block] and declare its layers on it"));

    [Fact]
    public Task MG0002_BlockThatUsesItself() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Linear(4)]
                [Block<Loop>]
                public partial class Loop { }

                [Model(10)]
                [{|#0:Block<Loop>|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Block<Loop>: in Loop, Block<Loop>: Loop uses itself (through Net → Loop); a block cannot contain itself"));

    [Fact]
    public Task MG0002_SegmentWithoutAHandWrittenForward() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(10)]
                [Linear(4)]
                [{|#0:Segment(6)|}]
                [Linear(2)]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Segment(6) restarts the shapes, which only a hand-written forward can follow; Net's forward is generated as a stack, so remove the segment or write forward(Tensor) yourself"));

    [Fact]
    public Task ProblemsInsideABlock_AreReportedAtTheUse_NamingTheBlocksLayer() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block]
                [Linear(4)]
                public partial class Head { }

                [Model(3, 8, 8)]
                [{|#0:Block<Head>|}]
                public partial class Net { }
                """),
            At(0, LinearNeedsFlatten, "Block<Head>: Linear(4) needs flat features but the input of Head is 3×8×8; add [Flatten] above it (Linear would act on the last dimension only and produce 3×8×4)"));

    [Fact]
    public Task MG0002_HostileNestingOfRepeatsIsCutShort() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Block] [Linear(4)] public partial class Leaf { }
                [Block] [Repeat<Leaf>(1024)] public partial class Mid { }

                [Model(4)]
                [{|#0:Repeat<Mid>(1024)|}]
                public partial class Net { }
                """),
            At(0, InvalidArgument, "Repeat<Mid>(1024) expands to more than 50,000 layers with the blocks nested in it; use fewer repetitions"));
}

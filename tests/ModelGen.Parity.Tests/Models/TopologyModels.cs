using ModelGen;

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>A small basic block: conv 3×3 (stride) → bn → relu → conv 3×3 → bn, + shortcut, relu.</summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [Shortcut]
    [ReLU]
    public partial class TinyBasic;

    /// <summary>
    /// 3×16×16 → conv 8×16×16 → two identity-shortcut blocks 8×16×16 → a projection block
    /// ((16 + 2 − 3) / 2 + 1 = 8) 16×8×8 → pool 16×1×1 → 16 → 10. Parameters: stem 8·3·9 + 8 = 224;
    /// each 8-wide block 2·(8·8·9) + 2·16 = 1,184 (×2 = 2,368); the 16-wide block 16·8·9 + 32 +
    /// 16·16·9 + 32 + projection 16·8 + 32 = 3,680; fc 16·10 + 10 = 170; total 6,442.
    /// </summary>
#pragma warning disable MG0003
    [Model(3, 16, 16)]
    [Conv2d(8, Kernel = 3, Padding = 1)]
    [Repeat<TinyBasic>(2, Width = 8, Stride = 1, Name = "stage1")]
    [Block<TinyBasic>(Width = 16, Stride = 2, Name = "stage2")]
    [AdaptiveAvgPool2d(1), Flatten, Linear(10)]
    public partial class TinyResNet;
#pragma warning restore MG0003

    /// <summary>An Inception-style branch: 1×1 convolution to 4 channels.</summary>
    [Block]
    [Conv2d(4, Kernel = 1)]
    public partial class Branch1x1;

    /// <summary>A branch: 3×3 same convolution to 6 channels, ReLU.</summary>
    [Block]
    [Conv2d(6, Kernel = 3, Padding = 1), ReLU]
    public partial class Branch3x3;

    /// <summary>A branch: 3×3 max pool with stride 1, which keeps the channels.</summary>
    [Block]
    [MaxPool2d(3, Stride = 1, Padding = 1)]
    public partial class BranchPool;

    /// <summary>A summed branch: 1×1 convolution to 5 channels.</summary>
    [Block]
    [Conv2d(5, Kernel = 1)]
    public partial class SumNarrow;

    /// <summary>A summed branch: 3×3 same convolution to 5 channels.</summary>
    [Block]
    [Conv2d(5, Kernel = 3, Padding = 1)]
    public partial class SumWide;

    /// <summary>
    /// 3×8×8 → Concat(1×1: 4, 3×3: 6, pool: 3) 13×8×8 → Sum(5, 5) 5×8×8 → DenseNet-style
    /// Concat(input 5, 3×3: 6) 11×8×8 → 704 → 2. Parameters: 4·3 + 4 + 6·3·9 + 6 = 184;
    /// 5·13 + 5 + 5·13·9 + 5 = 660; 6·5·9 + 6 = 276; 704·2 + 2 = 1,410; total 2,530.
    /// </summary>
    [Model(3, 8, 8)]
    [Concat<Branch1x1, Branch3x3, BranchPool>(Name = "inception")]
    [Sum<SumNarrow, SumWide>]
    [Concat<Branch3x3>(Name = "dense")]
    [Flatten, Linear(2)]
    public partial class BranchNet;

    /// <summary>A block that uses another block: a stage of two tiny blocks, the first with the stride.</summary>
    [Block]
    [Repeat<TinyBasic>(2, Width = Block.Width, Stride = Block.Stride, Name = "blocks")]
    [Dropout(0.1)]
    public partial class Stage;

    /// <summary>
    /// Nested blocks: 4×12×12 → Stage(8, stride 2) 8×6×6 → Stage(8, stride 1) 8×6×6 → 288 → 3.
    /// Stage(8, 2): block 8·4·9 + 16 + 8·8·9 + 16 + projection 8·4 + 16 = 944, block 1,184 → 2,128;
    /// Stage(8, 1): 2,368; fc 288·3 + 3 = 867; total 5,363.
    /// </summary>
#pragma warning disable MG0003
    [Model(4, 12, 12)]
    [Block<Stage>(Width = 8, Stride = 2)]
    [Block<Stage>(Width = 8, Stride = 1)]
    [Flatten, Linear(3)]
    public partial class NestedStages;
#pragma warning restore MG0003

    /// <summary>A sequence branch: Linear to 4 features, tanh (concatenated along the features of an L×F sequence).</summary>
    [Block]
    [Linear(4), Tanh]
    public partial class SequenceBranchA;

    /// <summary>A sequence branch: Linear to 2 features.</summary>
    [Block]
    [Linear(2)]
    public partial class SequenceBranchB;

    /// <summary>
    /// 5×6 → Concat(input 6, 4, 2) along the features 5×12 → Linear 5×3 → 15 → 1. Parameters:
    /// 6·4 + 4 + 6·2 + 2 = 42; 12·3 + 3 = 39; 15 + 1 = 16; total 97.
    /// </summary>
    [Model(5, 6)]
    [Concat<SequenceBranchA, SequenceBranchB>(IncludeInput = true)]
    [Linear(3), Flatten]
    [Linear(1)]
    public partial class SequenceConcat;
}

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>
    /// One Linear applied twice: 6 → shared 6 → tanh → shared again 6 → tanh → 2. Parameters
    /// count once: 6·6 + 6 = 42, + 6·2 + 2 = 14, total 56; mult-adds count both calls: 42 + 42 + 14 = 98.
    /// </summary>
    [Model(6)]
    [Linear(6, Name = "shared"), Tanh, Reuse("shared"), Tanh, Linear(2)]
    public partial class SharedLinear;
}

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>
    /// A hand-written forward over declared layers: a (4 → 3) and b (5 → 2), the forward feeding b
    /// the concatenation of a's output and the input's first two features ([Segment(5)]).
    /// Parameters: 4·3 + 3 = 15 and 5·2 + 2 = 12, total 27.
    /// </summary>
    [Model(4)]
    [Linear(3, Name = "a"), Tanh(Name = "squash")]
    [Segment(5)]
    [Linear(2, Name = "b")]
    public partial class HandWrittenJoin
    {
        /// <summary>b([tanh(a(x)); x[:, :2]]).</summary>
        /// <param name="input">N×4.</param>
        public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) =>
            b.forward(TorchSharp.torch.cat(new[] { squash.forward(a.forward(input)), input.narrow(1, 0, 2) }, 1));
    }
}

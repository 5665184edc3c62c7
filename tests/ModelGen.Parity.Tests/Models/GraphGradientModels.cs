using ModelGen;

// Graph models and attention for GraphGradientTests: the generated backward through blocks,
// residual shortcuts, branches, reused layers and attention against autograd in float64. As in
// GradientModels.cs, a structure under test mostly sits after a layer with parameters, so that its
// input gradient is checked through that layer's weight gradient; the *First models put it first
// (its backward then propagates nothing to the data).
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>torchvision's basic block: conv 3×3 (stride) → bn → relu → conv 3×3 → bn, + shortcut, relu (the sum inside the body).</summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1"), ReLU]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [Shortcut]
    [ReLU]
    public partial class GradBasicBlock;

    /// <summary>A pre-activation block whose sum is its last step, with a projection although the shapes agree: bn → relu → conv 3×3, + projection.</summary>
    [Block]
    [BatchNorm2d, ReLU, Conv2d(Block.Width, Kernel = 3, Padding = 1)]
    [Shortcut(Projection = ShortcutProjection.Projection)]
    public partial class GradPreActBlock;

    /// <summary>A block whose sum comes first (x + x), then a 1×1 convolution and tanh.</summary>
    [Block]
    [Shortcut]
    [Conv2d(Block.Width, Kernel = 1), Tanh]
    public partial class GradSumFirst;

    /// <summary>
    /// ResNet-style, odd sizes: 3×9×9 → conv 6×9×9 → two identity blocks → a projection block with
    /// stride 2 ((9 + 2 − 3) / 2 + 1 = 5) 10×5×5 → a pre-activation block (forced projection) → x + x
    /// then 1×1 → pool → 10 → 3.
    /// </summary>
    [Model(3, 9, 9)]
    [Conv2d(6, Kernel = 3, Padding = 1)]
    [Repeat<GradBasicBlock>(2, Width = 6, Stride = 1)]
    [Block<GradBasicBlock>(Width = 10, Stride = 2)]
    [Block<GradPreActBlock>(Width = 10)]
    [Block<GradSumFirst>(Width = 10)]
    [AdaptiveAvgPool2d(1), Flatten, Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradResidual;

    /// <summary>A projection block (stride 2: 7 → 4) as the first layer, then a repeat: 4×7×7 → 6×4×4 → 96 → 2.</summary>
    [Model(4, 7, 7)]
    [Block<GradBasicBlock>(Width = 6, Stride = 2)]
    [Repeat<GradBasicBlock>(2, Width = 6, Stride = 1)]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradResidualFirst;

    /// <summary>
    /// Blocks inside a block, with dropout (its mask drawn in the block's training forward):
    /// 4×12×12 → 1×1 conv → Stage(8, stride 2) 8×6×6 → Stage(8, stride 1) → 288 → 3.
    /// </summary>
#pragma warning disable MG0003
    [Model(4, 12, 12)]
    [Conv2d(4, Kernel = 1)]
    [Block<Stage>(Width = 8, Stride = 2)]
    [Block<Stage>(Width = 8, Stride = 1)]
    [Flatten, Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradNestedStages;
#pragma warning restore MG0003

    /// <summary>A summed branch of 13 channels: 1×1 convolution, tanh.</summary>
    [Block]
    [Conv2d(13, Kernel = 1), Tanh]
    public partial class GradWideA;

    /// <summary>A summed branch of 13 channels: 3×3 same convolution.</summary>
    [Block]
    [Conv2d(13, Kernel = 3, Padding = 1)]
    public partial class GradWideB;

    /// <summary>
    /// Every kind of join: 3×8×8 → 1×1 conv → Concat(1×1: 4, 3×3: 6, pool: 3) 13×8×8 → the input
    /// plus Sum(13, 13) → Sum(5, 5) 5×8×8 → Concat(input 5, 3×3: 6) 11×8×8 → 704 → 2.
    /// </summary>
    [Model(3, 8, 8)]
    [Conv2d(3, Kernel = 1)]
    [Concat<Branch1x1, Branch3x3, BranchPool>]
    [Sum<GradWideA, GradWideB>(IncludeInput = true)]
    [Sum<SumNarrow, SumWide>]
    [Concat<Branch3x3>]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradBranches;

    /// <summary>Branches as the first layer: 3×5×5 → Concat(1×1: 4, 3×3: 6) 10×5×5 → Sum(5, 5) → 125 → 2.</summary>
    [Model(3, 5, 5)]
    [Concat<Branch1x1, Branch3x3>]
    [Sum<SumNarrow, SumWide>]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradBranchesFirst;

    /// <summary>Concatenation along the features of a sequence: 5×6 → Linear 5×6 → Concat(input 6, 4, 2) 5×12 → 5×3 → 15 → 1.</summary>
    [Model(5, 6)]
    [Linear(6)]
    [Concat<SequenceBranchA, SequenceBranchB>(IncludeInput = true)]
    [Linear(3), Flatten]
    [Linear(1)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradSequenceConcat;

    /// <summary>One Linear applied three times (its gradient is the sum of three uses'): 6 → shared → tanh → shared → tanh → shared → 2.</summary>
    [Model(6)]
    [Linear(6, Name = "shared"), Tanh, Reuse("shared"), Tanh, Reuse("shared")]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradSharedLinear;

    /// <summary>A block that applies its Linear twice.</summary>
    [Block]
    [Linear(Block.Width, Name = "fc"), Tanh, Reuse("fc"), Sigmoid]
    public partial class GradSharedBlock;

    /// <summary>
    /// Shared weights inside a block and a whole block applied twice: 5×7 → Linear 5×4 → body (fc twice)
    /// → body again → 20 → 2.
    /// </summary>
    [Model(5, 7)]
    [Linear(4)]
    [Block<GradSharedBlock>(Width = 4, Name = "body")]
    [Reuse("body")]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradSharedBlockTwice;

    /// <summary>
    /// Self-attention, odd sizes: 5×4 → Linear 5×6 → 3 heads of 2, dropout (on the attention's
    /// transposed output) → 2 heads of 3 without biases, with dropout on the weights → 30 → 2.
    /// </summary>
    [Model(5, 4)]
    [Linear(6)]
    [MultiheadAttention(3), Dropout(0.3)]
    [MultiheadAttention(2, Bias = false, Dropout = 0.2)]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradAttention;

    /// <summary>Self-attention as the first layer: 7×6, 3 heads, dropout 0.1 → 42 → 3.</summary>
    [Model(7, 6)]
    [MultiheadAttention(3, Dropout = 0.1)]
    [Flatten, Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradAttentionFirst;

    /// <summary>
    /// Transformer encoder layers, both norm orders and both activations, with and without dropout:
    /// 5×4 → Linear 5×6 → post-norm ReLU → pre-norm GELU (dropout 0.2) → post-norm (dropout 0.1) → 30 → 2.
    /// </summary>
    [Model(5, 4)]
    [Linear(6)]
    [TransformerEncoderLayer(3, DimFeedforward = 7, Dropout = 0.0)]
    [TransformerEncoderLayer(2, DimFeedforward = 5, Dropout = 0.2, Activation = TransformerActivation.GELU, NormFirst = true)]
    [TransformerEncoderLayer(2, DimFeedforward = 9, Dropout = 0.1)]
    [Flatten, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradTransformer;

    /// <summary>A pre-norm encoder layer as the first layer: 4×6 → 24 → 3.</summary>
    [Model(4, 6)]
    [TransformerEncoderLayer(2, DimFeedforward = 8, Dropout = 0.1, NormFirst = true)]
    [Flatten, Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradTransformerFirst;
}

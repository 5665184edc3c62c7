using ModelGen;

namespace ModelGen.Onnx.Tests.Models
{
    /// <summary>A Linear reused on a 5×6 sequence: its transposed weight must be one initializer, not one per application.</summary>
    [Model(5, 6)]
    [Linear(6, Name = "shared"), Tanh, Reuse("shared"), Linear(2)]
    public partial class SharedSequenceLinear;

    /// <summary>A residual block that keeps the shape: conv 3×3 → bn, + x, relu.</summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv")]
    [BatchNorm2d(Name = "bn")]
    [Shortcut]
    [ReLU]
    public partial class SameShapeBlock;

    /// <summary>A block applied twice with the same weights: 4×6×6 → body → body again → 144 → 3.</summary>
    [Model(4, 6, 6)]
    [Block<SameShapeBlock>(Width = 4, Name = "body"), Reuse("body"), Flatten, Linear(3)]
    public partial class ReusedBlock;

    /// <summary>A block whose forward is written by hand: 2·fc(x), which no attribute says.</summary>
    [Block]
    [Linear(Block.Width, Name = "fc")]
    public partial class DoublingBlock
    {
        /// <summary>2·fc(x).</summary>
        /// <param name="input">N×F.</param>
        public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => fc.forward(input) * 2;
    }

    /// <summary>A generated model over a block with a hand-written forward: it gets no ExportOnnx (MG0015).</summary>
    [Model(4)]
    [Block<DoublingBlock>(Width = 4), Linear(2)]
    public partial class UsesHandWrittenBlock;

    /// <summary>Four heads over 8 features, a symbolic length T.</summary>
    [Model(8, SequenceLength = "T")]
    [MultiheadAttention(4)]
    public partial class FourHeadAttention;

    /// <summary>A pre-norm encoder layer: x + SA(LN1(x)), then x + FF(LN2(x)).</summary>
    [Model(6, 8)]
    [TransformerEncoderLayer(2, DimFeedforward = 16, Dropout = 0.0, NormFirst = true)]
    public partial class PreNormEncoder;

    /// <summary>The same layer post-norm (the same weights' names): LN1(x + SA(x)), then LN2(x + FF(x)).</summary>
    [Model(6, 8)]
    [TransformerEncoderLayer(2, DimFeedforward = 16, Dropout = 0.0)]
    public partial class PostNormEncoder;

    /// <summary>A GELU feed-forward block: GELU and ReLU differ on negative inputs.</summary>
    [Model(6, 8)]
    [TransformerEncoderLayer(2, DimFeedforward = 16, Dropout = 0.0, Activation = TransformerActivation.GELU)]
    public partial class GeluEncoder;

    /// <summary>LPPool2d with p = 3 on signed inputs: PyTorch sums x³ (a negative sum's cube root is NaN), ONNX's LpPool |x|³.</summary>
    [Model(2, 6, 6)]
    [LPPool2d(3, 2)]
    public partial class OddNormPool;

    /// <summary>LPPool2d with p = 1: PyTorch's is the plain window sum (its sign kept), ONNX's LpPool the sum of |x|.</summary>
    [Model(2, 6, 6)]
    [LPPool2d(1, 3, Stride = 1)]
    public partial class SignedSumPool;

    /// <summary>LPPool1d with p = 1.5 on positive inputs (after a sigmoid): LpPool's p is an integer.</summary>
    [Model(3, 9)]
    [Sigmoid, LPPool1d(1.5, 3, Stride = 2)]
    public partial class FractionalNormPool;

    /// <summary>L2 pooling whose last windows ceil mode cuts at the edge (5 = 2 + 2 + 1): PyTorch rescales them by 4/2 and 4/1.</summary>
    [Model(2, 5, 5)]
    [LPPool2d(2, 2, CeilMode = true)]
    public partial class CeilModeL2Pool;
}

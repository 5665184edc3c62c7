using ModelGen;

namespace ModelGen.Onnx.Tests.Models
{
    /// <summary>Padding 1 on the height, 2 on the width: ONNX pads are [1, 2, 1, 2], not the per-axis pairs [1, 1, 2, 2].</summary>
    [Model(2, 6, 7)]
    [Conv2d(3, Kernel = 3, PaddingHeight = 1, PaddingWidth = 2)]
    public partial class RectangularPaddingConv;

    /// <summary>MaxPool2d(2): PyTorch's stride is the window, ONNX's default is 1.</summary>
    [Model(2, 8, 8)]
    [MaxPool2d(2)]
    public partial class StridedMaxPool;

    /// <summary>AvgPool2d(3, Stride = 1, Padding = 1): PyTorch counts the padding in the divisor, ONNX by default does not.</summary>
    [Model(2, 5, 5)]
    [AvgPool2d(3, Stride = 1, Padding = 1)]
    public partial class PaddedAvgPool;

    /// <summary>Softplus with β = 2: ONNX's Softplus has no β.</summary>
    [Model(12)]
    [Softplus(Beta = 2)]
    public partial class SoftplusBetaTwo;

    /// <summary>GELU: an ONNX operator from opset 20.</summary>
    [Model(12)]
    [GELU]
    public partial class GeluOnly;

    /// <summary>Mish: an ONNX operator from opset 18.</summary>
    [Model(12)]
    [Mish]
    public partial class MishOnly;

    /// <summary>Softmax over the channels of a 3×4×5 map: before opset 13 ONNX flattened at the axis.</summary>
    [Model(3, 4, 5)]
    [Softmax(Dim = 1)]
    public partial class ChannelSoftmax;

    /// <summary>Flatten(StartDim = 2): ONNX's Flatten always makes a 2-D tensor.</summary>
    [Model(3, 4, 5)]
    [Flatten(2)]
    public partial class InnerFlatten;

    /// <summary>BatchNorm2d with PyTorch's momentum 0.1, which is ONNX's 0.9.</summary>
    [Model(3, 4, 4)]
    [BatchNorm2d(Momentum = 0.1)]
    public partial class MomentumBatchNorm;

    /// <summary>A one-layer LSTM whose gate blocks must be reordered.</summary>
    [Model(5, SequenceLength = "T")]
    [LSTM(4)]
    public partial class SmallLstm;

    /// <summary>A bidirectional two-layer GRU returning the final state.</summary>
    [Model(5, SequenceLength = "T")]
    [GRU(4, NumLayers = 2, Bidirectional = true, ReturnSequences = false)]
    public partial class SmallGru;

    /// <summary>Token ids into an Embedding: ONNX's Gather with int64 indices.</summary>
    [Model(SequenceLength = "T", Input = InputKind.TokenIds)]
    [Embedding(7, 3)]
    public partial class SmallEmbedding;

    /// <summary>Dropout: the identity in evaluation mode.</summary>
    [Model(12)]
    [Linear(6), Dropout(0.5)]
    public partial class DropoutAfterLinear;
}

using ModelGen;

// One small model per sequence kind (and per argument form), checked against TorchSharp by
// SequenceParityTests. Parameter counts by PyTorch's layout, worked out by hand in the comments:
// a recurrent layer has, per layer and direction, G·H·in + G·H·H + 2·G·H (G = 1 RNN, 4 LSTM,
// 3 GRU; in = F for the first layer, D·H after); attention 4·E·E + 4·E.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>Token ids of any length L → L×8; 20·8 = 160 parameters.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(20, 8)]
    public partial class EmbeddingOnly;

    /// <summary>12 token ids → 12×4; 10·4 = 40 parameters; the last row is padding.</summary>
    [Model(12, Input = InputKind.TokenIds)]
    [Embedding(10, 4, PaddingIdx = -1)]
    public partial class EmbeddingPadding;

    /// <summary>L×6 → L×5; 4·5·6 + 4·5·5 + 2·4·5 = 120 + 100 + 40 = 260.</summary>
    [Model(6, SequenceLength = "L")]
    [LSTM(5)]
    public partial class LstmOnSequence;

    /// <summary>7×6 → 5 (the final hidden state); 260 parameters.</summary>
    [Model(7, 6)]
    [LSTM(5, ReturnSequences = false)]
    public partial class LstmLastStep;

    /// <summary>T×4 → T×6; per direction (48 + 36 + 24) + (72 + 36 + 24) = 240, two directions 480.</summary>
    [Model(4, SequenceLength = "T")]
    [LSTM(3, NumLayers = 2, Bidirectional = true, Dropout = 0.2)]
    public partial class LstmBidirectionalStacked;

    /// <summary>5×4 → 6 (forward state after the last step, backward state after the first); 2·(48 + 36 + 24) = 216.</summary>
    [Model(5, 4)]
    [LSTM(3, Bidirectional = true, ReturnSequences = false)]
    public partial class LstmBidirectionalLast;

    /// <summary>L×6 → L×5 without biases; 3·5·6 + 3·5·5 = 90 + 75 = 165.</summary>
    [Model(6, SequenceLength = "L")]
    [GRU(5, Bias = false)]
    public partial class GruNoBias;

    /// <summary>9×3 → 4; (36 + 48 + 24) + 2·(48 + 48 + 24) = 108 + 240 = 348.</summary>
    [Model(9, 3)]
    [GRU(4, NumLayers = 3, ReturnSequences = false)]
    public partial class GruStackedLast;

    /// <summary>L×3 → L×4; 4·3 + 4·4 + 2·4 = 36.</summary>
    [Model(3, SequenceLength = "L")]
    [RNN(4)]
    public partial class RnnTanh;

    /// <summary>6×3 → 8; two directions of 36 = 72.</summary>
    [Model(6, 3)]
    [RNN(4, Nonlinearity = RnnNonlinearity.ReLU, Bidirectional = true, ReturnSequences = false)]
    public partial class RnnReluBidirectionalLast;

    /// <summary>L×6 → L×6, no parameters.</summary>
    [Model(6, SequenceLength = "L")]
    [PositionalEncoding]
    public partial class PositionalEncodingOnly;

    /// <summary>L×8 → L×8; 4·8·8 + 4·8 = 288.</summary>
    [Model(8, SequenceLength = "L")]
    [MultiheadAttention(2)]
    public partial class AttentionOnly;

    /// <summary>5×8 → 5×8; 4·8·8 = 256.</summary>
    [Model(5, 8)]
    [MultiheadAttention(4, Bias = false)]
    public partial class AttentionWithoutBias;

    /// <summary>L×8 → L×8; 288 + 2·8·16 + 16 + 8 + 4·8 = 600.</summary>
    [Model(8, SequenceLength = "L")]
    [TransformerEncoderLayer(2, DimFeedforward = 16)]
    public partial class EncoderLayerPostNorm;

    /// <summary>5×8 → 5×8; 288 + 2·8·12 + 12 + 8 + 4·8 = 532.</summary>
    [Model(5, 8)]
    [TransformerEncoderLayer(4, DimFeedforward = 12, Dropout = 0.0, Activation = TransformerActivation.GELU, NormFirst = true)]
    public partial class EncoderLayerPreNormGelu;

    /// <summary>A mixed stack over a symbolic length: tokens L → L×8 → L×8 → L×8 → L×8 → L×16 → L×3.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(11, 8)]
    [PositionalEncoding]
    [MultiheadAttention(2), Dropout(0.1)]
    [TransformerEncoderLayer(4, DimFeedforward = 16)]
    [GRU(8, Bidirectional = true), Tanh]
    [Linear(3)]
    public partial class SequenceStack;
}

using ModelGen;

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>
    /// A transformer-encoder classifier over 8 token ids (vocabulary 12): embedding, sinusoidal
    /// positions, one encoder layer, then the 8×16 sequence flattened into a two-class head.
    /// 8 → 8×16 → 8×16 → 8×16 → 128 → 2; 192 + (4·16·16 + 4·16 + 2·16·32 + 32 + 16 + 4·16) + 258 = 2,674 parameters.
    /// </summary>
    [Model(8, Input = InputKind.TokenIds)]
    [Embedding(12, 16)]
    [PositionalEncoding]
    [TransformerEncoderLayer(2, DimFeedforward = 32, Dropout = 0.0)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005)]
    public partial class TokenTransformerClassifier;
}

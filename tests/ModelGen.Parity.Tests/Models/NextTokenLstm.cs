using ModelGen;

namespace ModelGen.Parity.Tests.Models
{
    /// <summary>
    /// An LSTM next-token model over sequences of any length L of token ids (vocabulary 10): the
    /// final hidden state goes to a linear head with one score per next token.
    /// L → L×16 (Embedding) → 32 (LSTM's final state) → 10; 160 + (4·32·16 + 4·32·32 + 2·4·32) + 330 = 6,890 parameters.
    /// </summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(10, 16)]
    [LSTM(32, ReturnSequences = false)]
    [Linear(10)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
    public partial class NextTokenLstm;
}

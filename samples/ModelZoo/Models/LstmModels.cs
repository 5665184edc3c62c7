using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// PyTorch's nn.LSTM(300, 512, num_layers = 2) over sequences of 300-d vectors (batch first):
    /// 2048·300 + 2048·512 + 4096 + 2048·512 + 2048·512 + 4096 = 3,768,320.
    /// </summary>
    [Model(300, SequenceLength = "L")]
    [LSTM(512, NumLayers = 2)]
    public partial class Lstm300x512x2;

    /// <summary>
    /// torchinfo's LSTMNet: Embedding(20, 300) → LSTM(512, 2 layers) → Linear(20) on token ids:
    /// 6,000 + 3,768,320 + 10,260 = 3,784,580.
    /// </summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(20, 300)]
    [LSTM(512, NumLayers = 2)]
    [Linear(20)]
    public partial class LstmNet;
}

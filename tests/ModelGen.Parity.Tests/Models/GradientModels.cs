using ModelGen;

// Small trainable models whose every layer has a backward rule: GradientTests compares the
// generated gradients with autograd's in float64. Each kind under test sits after a layer with
// parameters, so that its input gradient (∂L/∂x) is checked through that layer's weight gradient.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>The MLP of the issue, 64 → 128 → 64 → 10, cross-entropy.</summary>
    [Model(64)]
    [Linear(128), ReLU]
    [Linear(64), ReLU]
    [Linear(10)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD, LearningRate = 0.1)]
    public partial class GradMlp;

    /// <summary>Every parameterless activation with a rule, each behind a Linear.</summary>
    [Model(6)]
    [Linear(8), LeakyReLU(NegativeSlope = 0.1)]
    [Linear(8), ELU(Alpha = 0.7)]
    [Linear(8), SELU]
    [Linear(8), GELU]
    [Linear(8), GELU(Approximate = GeluApproximate.Tanh)]
    [Linear(8), SiLU]
    [Linear(8), Mish]
    [Linear(8), Softplus(Beta = 2, Threshold = 1)]
    [Linear(8), Sigmoid]
    [Linear(8), Tanh]
    [Linear(8), Hardtanh(MinVal = -0.5, MaxVal = 0.5)]
    [Linear(8), ReLU]
    [Linear(8), Identity]
    [Linear(3)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradActivations;

    /// <summary>PReLU shared and per channel, and a step (zero gradient) on one branch of features.</summary>
    [Model(3, 4, 4)]
    [PReLU(NumParameters = 3, Init = 0.2)]
    [Flatten]
    [Linear(10), PReLU]
    [Linear(5), PReLU(NumParameters = 5)]
    [Linear(4)]
    [Loss(LossKind.Huber, HuberDelta = 0.5), Optimizer(OptimizerKind.Adam)]
    public partial class GradPReLU;

    /// <summary>Softmax into BCE (probabilities), summed.</summary>
    [Model(5)]
    [Linear(6), Softmax]
    [Loss(LossKind.BCE, Reduction = LossReduction.Sum), Optimizer(OptimizerKind.SGD)]
    public partial class GradSoftmaxBce;

    /// <summary>LogSoftmax into weighted NLL.</summary>
    [Model(5)]
    [Linear(7), Tanh, Linear(4), LogSoftmax]
    [Loss(LossKind.NLL, ClassWeights = new[] { 1.0, 2.0, 0.5, 3.0 }), Optimizer(OptimizerKind.SGD)]
    public partial class GradLogSoftmaxNll;

    /// <summary>LogSoftmax into KL divergence.</summary>
    [Model(5)]
    [Linear(4), LogSoftmax]
    [Loss(LossKind.KLDivergence), Optimizer(OptimizerKind.SGD)]
    public partial class GradKl;

    /// <summary>Cross-entropy with label smoothing and class weights, and an L1 + L2 penalty.</summary>
    [Model(6)]
    [Linear(9), ReLU, Linear(4)]
    [Loss(LossKind.CrossEntropy, LabelSmoothing = 0.1, ClassWeights = new[] { 0.5, 1.0, 2.0, 1.5 }, L1 = 0.01, L2 = 0.1), Optimizer(OptimizerKind.SGD)]
    public partial class GradCrossEntropySmoothWeighted;

    /// <summary>Cross-entropy summed, with label smoothing only.</summary>
    [Model(6)]
    [Linear(4)]
    [Loss(LossKind.CrossEntropy, LabelSmoothing = 0.2, Reduction = LossReduction.Sum), Optimizer(OptimizerKind.SGD)]
    public partial class GradCrossEntropySum;

    /// <summary>BCE with logits and MAE, on a second model each.</summary>
    [Model(5)]
    [Linear(3)]
    [Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.SGD)]
    public partial class GradBceWithLogits;

    /// <summary>MAE over a linear model without bias.</summary>
    [Model(5)]
    [Linear(6, Bias = false), Tanh, Linear(3, Bias = false)]
    [Loss(LossKind.MAE), Optimizer(OptimizerKind.SGD)]
    public partial class GradMae;

    /// <summary>Shape kinds: Flatten, Unflatten, ZeroPad2d, Dropout, Dropout2d, GaussianNoise between Linear layers.</summary>
    [Model(2, 3, 4)]
    [Flatten]
    [Linear(24), Unflatten(1, 2, 3, 4)]
    [PReLU(NumParameters = 2), ZeroPad2d(1, 2, 0, 1)]
    [Dropout2d(0.3)]
    [Flatten]
    [Linear(10), Dropout(0.4), GaussianNoise(0.1)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradShapes;

    /// <summary>Linear on a sequence (rank 3): the positions are rows.</summary>
    [Model(5, SequenceLength = "L")]
    [Linear(6), SiLU, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradSequenceLinear;

    /// <summary>The same MLP, declared to train with autograd.</summary>
    [Model(8, Autograd = true)]
    [Linear(4), ReLU, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradDeclaredAutograd;

    /// <summary>Conv2d with stride 2, padding, dilation and groups on odd sizes, a 3×3 max pool with stride 2 (overlapping windows, ceil mode), a padded average pool without the padding counted.</summary>
    [Model(4, 11, 9)]
    [Conv2d(6, Kernel = 3, Stride = 2, Padding = 1)]
    [Conv2d(6, Kernel = 3, Padding = 2, Dilation = 2, Groups = 2), Tanh]
    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    [Conv2d(4, Kernel = 2)]
    [AvgPool2d(3, Stride = 2, Padding = 1, CountIncludePad = false, CeilMode = true)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradConv2d;

    /// <summary>
    /// 2-D max pools of 8 and more channels, which pool in the channels-last layout: overlapping padded
    /// windows in ceil mode after ReLU (ties at zero), then a 2×2 pool.
    /// </summary>
    [Model(3, 9, 10)]
    [Conv2d(8, Kernel = 3, Padding = 1), ReLU]
    [MaxPool2d(3, Stride = 2, Padding = 1, CeilMode = true)]
    [Conv2d(12, Kernel = 2), Tanh]
    [MaxPool2d(2)]
    [Flatten]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradChannelsLastMaxPool;

    /// <summary>Conv1d variants, max and average pooling in 1-D, adaptive average pooling.</summary>
    [Model(3, 17)]
    [Conv1d(4, Kernel = 3, Stride = 2, Padding = 1, Bias = false)]
    [Conv1d(6, Kernel = 2, Dilation = 3, Groups = 2), ReLU]
    [MaxPool1d(2, Stride = 1)]
    [AvgPool1d(2, Padding = 1)]
    [AdaptiveAvgPool1d(3)]
    [Flatten]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradConv1d;

    /// <summary>BatchNorm2d, AdaptiveAvgPool2d to a size that does not divide the input, BatchNorm1d, LayerNorm.</summary>
    [Model(3, 7, 5)]
    [Conv2d(4, Kernel = 3, Padding = 1, AutoPad = AutoPad.Explicit), BatchNorm2d]
    [Conv2d(4, Kernel = 3, AutoPad = AutoPad.Same), ReLU]
    [AdaptiveAvgPool2d(3, 2)]
    [Flatten]
    [Linear(8), BatchNorm1d, Sigmoid]
    [Linear(6), LayerNorm]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradNorms;

    /// <summary>Embedding with a padding row, LayerNorm over a sequence without bias, Linear per position.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(11, 6, PaddingIdx = 0)]
    [LayerNorm(Bias = false)]
    [Linear(5), GELU]
    [Linear(3)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradEmbedding;

    /// <summary>
    /// An Embedding with a padding row feeding a two-layer bidirectional LSTM with dropout between its
    /// layers: the LSTM multiplies the table, (E·W_ihᵀ + b)[ids], and hands δ back per table row.
    /// </summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(13, 6, PaddingIdx = 2)]
    [LSTM(5, NumLayers = 2, Bidirectional = true, Dropout = 0.3, ReturnSequences = false)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradEmbeddingLstm;

    /// <summary>An Embedding feeding a bidirectional GRU that returns every step (the table path of a GRU).</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(9, 4)]
    [GRU(6, Bidirectional = true)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradEmbeddingGru;

    /// <summary>An Embedding feeding a two-layer tanh RNN's final state, and one feeding a ReLU RNN without bias.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(7, 3)]
    [RNN(4, NumLayers = 2, ReturnSequences = false)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradEmbeddingRnn;

    /// <summary>An Embedding with a negative padding index feeding a ReLU RNN without bias.</summary>
    [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
    [Embedding(8, 3, PaddingIdx = -1)]
    [RNN(4, Bias = false, Nonlinearity = RnnNonlinearity.ReLU, ReturnSequences = false)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradEmbeddingReluRnn;

    /// <summary>A two-layer bidirectional LSTM returning every step, then a tanh RNN's final state.</summary>
    [Model(4, SequenceLength = "L")]
    [Linear(5)]
    [LSTM(6, NumLayers = 2, Bidirectional = true)]
    [RNN(3, ReturnSequences = false)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradLstmStack;

    /// <summary>A bidirectional GRU's final state and a ReLU RNN without bias, two layers.</summary>
    [Model(3, SequenceLength = "L")]
    [Linear(4)]
    [RNN(5, NumLayers = 2, Bias = false, Nonlinearity = RnnNonlinearity.ReLU)]
    [GRU(4, Bidirectional = true, ReturnSequences = false)]
    [Linear(3)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradGruRnn;

    /// <summary>A two-layer bidirectional LSTM on the data (its backward writes the weights' gradients only), final state.</summary>
    [Model(3, SequenceLength = "L")]
    [LSTM(5, NumLayers = 2, Bidirectional = true, ReturnSequences = false)]
    [Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.SGD)]
    public partial class GradLstmFirst;

    /// <summary>A two-layer GRU without bias on the data, a bidirectional LSTM without bias, a bidirectional ReLU RNN's final state.</summary>
    [Model(3, SequenceLength = "L")]
    [GRU(4, NumLayers = 2, Bias = false)]
    [LSTM(3, Bias = false, Bidirectional = true)]
    [RNN(3, Bidirectional = true, Nonlinearity = RnnNonlinearity.ReLU, ReturnSequences = false)]
    [Linear(2)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]
    public partial class GradGruFirst;
}

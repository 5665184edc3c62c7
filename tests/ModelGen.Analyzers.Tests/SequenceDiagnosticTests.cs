using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>
/// The sequence kinds' and input kinds' validations: id, span (the attribute) and the full
/// message, nothing else reported.
/// </summary>
public sealed class SequenceDiagnosticTests
{
    [Fact]
    public Task MG0012_LayerOnTokenIds_SaysToStartWithEmbedding() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
                [{|#0:LSTM(8)|}]
                public partial class NoEmbedding { }
                """),
            At(0, InputKindMismatch, "LSTM(8) cannot take token ids: the model input of NoEmbedding is token ids (int64) of shape L; start the model with [Embedding(vocabulary, dimension)] to turn them into vectors"));

    [Fact]
    public Task MG0012_EmbeddingOnFloatInput() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(300, SequenceLength = "L")]
                [{|#0:Embedding(20, 300)|}]
                public partial class FloatEmbedding { }
                """),
            At(0, InputKindMismatch, "Embedding(20, 300) needs token ids (int64) but the model input of FloatEmbedding is L×300 (float32); declare the input as token ids with [Model(SequenceLength = \"L\", Input = InputKind.TokenIds)] and put Embedding first"));

    [Fact]
    public Task MG0012_SecondEmbeddingReceivesFloats_NamesTheLayerAbove() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "T", Input = InputKind.TokenIds)]
                [Embedding(10, 4)]
                [{|#0:Embedding(10, 4)|}]
                public partial class TwoEmbeddings { }
                """),
            At(0, InputKindMismatch, "Embedding(10, 4) needs token ids (int64) but Embedding(10, 4) above it produces T×4 (float32); declare the input as token ids with [Model(SequenceLength = \"L\", Input = InputKind.TokenIds)] and put Embedding first"));

    [Fact]
    public Task MG0013_FlattenOnSymbolicLength() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [LSTM(4)]
                [{|#0:Flatten|}]
                [Linear(2)]
                public partial class FlattenAnyLength { }
                """),
            At(0, SymbolicLength, "Flatten needs every input size known but LSTM(4) above it produces L×4, where L is the symbolic sequence length; reduce the sequence first (a recurrent layer with ReturnSequences = false) or declare a fixed length in [Model]"));

    [Fact]
    public Task MG0013_LinearOnLengthAlone() =>
        // Linear's features would be the symbolic length itself.
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "Steps")]
                [{|#0:Linear(2)|}]
                public partial class LinearOverLength { }
                """),
            At(0, SymbolicLength, "Linear(2) needs every input size known but the model input of LinearOverLength is Steps, where Steps is the symbolic sequence length; reduce the sequence first (a recurrent layer with ReturnSequences = false) or declare a fixed length in [Model]"));

    [Fact]
    public Task MG0007_RecurrentLayerOnAFeatureMap() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(3, 8, 8)]
                [{|#0:LSTM(4)|}]
                public partial class ImageLstm { }
                """),
            At(0, RankMismatch, "LSTM(4) needs an L×F sequence (batch first) but the model input is 3×8×8; flatten each position's features into one vector first"));

    [Fact]
    public Task MG0007_RecurrentLayerOnFlatFeatures() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(64)]
                [Linear(8)]
                [{|#0:GRU(4)|}]
                public partial class FlatGru { }
                """),
            At(0, RankMismatch, "GRU(4) needs an L×F sequence (batch first) but Linear(8) above it produces 8; give each position features, e.g. [Model(1, SequenceLength = \"L\")] for one value per step, or put an Embedding first for token ids"));

    [Fact]
    public Task MG0007_AttentionAfterTheLastStep() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [RNN(8, ReturnSequences = false)]
                [{|#0:MultiheadAttention(2)|}]
                public partial class AttentionOnAVector { }
                """),
            At(0, RankMismatch, "MultiheadAttention(2) needs an L×E sequence (batch first) but RNN(8, ReturnSequences = false) above it produces 8"));

    [Fact]
    public Task MG0002_HeadsDoNotDivideTheEmbedding() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(10, SequenceLength = "L")]
                [{|#0:MultiheadAttention(4)|}]
                public partial class FourHeads { }
                """),
            At(0, InvalidArgument, "MultiheadAttention(4): 4 heads do not divide the embedding size 10 (the model input is L×10); each head takes E / heads dimensions, so pick a divisor of 10 such as 1, 2, 5, 10"));

    [Fact]
    public Task MG0002_EncoderHeadsDoNotDivideDModel_NamesTheLayerAbove() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
                [Embedding(100, 8)]
                [{|#0:TransformerEncoderLayer(3)|}]
                public partial class ThreeHeads { }
                """),
            At(0, InvalidArgument, "TransformerEncoderLayer(3): 3 heads do not divide the embedding size 8 (Embedding(100, 8) above it produces L×8); each head takes E / heads dimensions, so pick a divisor of 8 such as 1, 2, 4, 8"));

    [Fact]
    public Task MG0002_TokenIdsWithFeatures_ReportedOnTheModelAttribute() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(300, SequenceLength = "L", Input = InputKind.TokenIds)|}]
                [Embedding(20, 300)]
                public partial class TokenFeatures { }
                """),
            At(0, InvalidArgument, "Model TokenFeatures takes token ids, one per position, so its input is a sequence of length L alone, but it declares L×300; declare [Model(SequenceLength = \"L\", Input = InputKind.TokenIds)] or a fixed length such as [Model(35, Input = InputKind.TokenIds)]"));

    [Fact]
    public Task MG0002_LengthNameIsNotAnIdentifier() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [{|#0:Model(8, SequenceLength = "L 1")|}]
                [LSTM(4)]
                public partial class SpacedName { }
                """),
            At(0, InvalidArgument, "Model SpacedName: the sequence length needs a name that is an identifier, such as [Model(300, SequenceLength = \"L\")], got \"L 1\""));

    [Fact]
    public Task MG0002_RecurrentArguments_EachBrokenRuleReported() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [{|#0:LSTM(0, NumLayers = 0, Dropout = 1.0)|}]
                public partial class BrokenLstm { }
                """),
            At(0, InvalidArgument, "LSTM(0, NumLayers = 0, Dropout = 1.0): the hidden size must be positive, got 0"),
            At(0, InvalidArgument, "LSTM(0, NumLayers = 0, Dropout = 1.0): NumLayers must be at least 1, got 0"),
            At(0, InvalidArgument, "LSTM(0, NumLayers = 0, Dropout = 1.0): Dropout must be in [0, 1), got 1"));

    [Fact]
    public Task MG0002_RnnNonlinearityUndefined() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(5, 3)]
                [{|#0:RNN(4, Nonlinearity = (RnnNonlinearity)7)|}]
                public partial class OddRnn { }
                """),
            At(0, InvalidArgument, "RNN(4, Nonlinearity = (RnnNonlinearity)7): Nonlinearity must be RnnNonlinearity.Tanh or RnnNonlinearity.ReLU, got 7"));

    [Fact]
    public Task MG0002_EmbeddingPaddingIdxOutsideTheVocabulary() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
                [{|#0:Embedding(10, 4, PaddingIdx = 10)|}]
                public partial class PaddingOutside { }
                """),
            At(0, InvalidArgument, "Embedding(10, 4, PaddingIdx = 10): PaddingIdx must be a token id in [-10, 9], got 10"));

    [Fact]
    public Task MG0002_TransformerArguments() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(8, SequenceLength = "L")]
                [{|#0:TransformerEncoderLayer(2, DimFeedforward = 0, Activation = (TransformerActivation)5)|}]
                public partial class BrokenEncoder { }
                """),
            At(0, InvalidArgument, "TransformerEncoderLayer(2, DimFeedforward = 0, Activation = (TransformerActivation)5): DimFeedforward must be positive, got 0"),
            At(0, InvalidArgument, "TransformerEncoderLayer(2, DimFeedforward = 0, Activation = (TransformerActivation)5): Activation must be TransformerActivation.ReLU or TransformerActivation.GELU, got 5"));

    [Fact]
    public Task SequenceModels_NoDiagnostics() =>
        AnalyzerTest.VerifyAsync(
            Source("""
                [Model(SequenceLength = "L", Input = InputKind.TokenIds)]
                [Embedding(20, 300)]
                [LSTM(512, NumLayers = 2)]
                [Linear(20)]
                public partial class LstmNet { }

                [Model(16, SequenceLength = "L")]
                [PositionalEncoding, MultiheadAttention(4), TransformerEncoderLayer(4, DimFeedforward = 32, NormFirst = true)]
                [GRU(8, Bidirectional = true, ReturnSequences = false), Linear(3)]
                public partial class Encoder { }
                """));
}

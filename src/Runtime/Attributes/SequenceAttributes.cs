using System;

namespace ModelGen
{
    /// <summary>
    /// A learned table of <see cref="NumEmbeddings"/> vectors of size <see cref="EmbeddingDim"/>:
    /// each token id picks its row, so N×L ids become N×L×D floats. Takes token ids only: declare
    /// the model with <c>[Model(SequenceLength = "L", Input = InputKind.TokenIds)]</c> and put it first.
    /// Parameters: numEmbeddings·embeddingDim.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EmbeddingAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="numEmbeddings">The vocabulary size: ids run from 0 to numEmbeddings − 1.</param>
        /// <param name="embeddingDim">The size of each vector.</param>
        public EmbeddingAttribute(int numEmbeddings, int embeddingDim)
        {
            NumEmbeddings = numEmbeddings;
            EmbeddingDim = embeddingDim;
        }

        /// <summary>The vocabulary size.</summary>
        public int NumEmbeddings { get; }

        /// <summary>The size of each vector.</summary>
        public int EmbeddingDim { get; }

        /// <summary>
        /// The id whose vector is zero and gets no gradient (a negative value counts from the end,
        /// as in PyTorch). Unset: none.
        /// </summary>
        public int PaddingIdx { get; set; }
    }

    /// <summary>The non-linearity of an <see cref="RNNAttribute"/>.</summary>
    public enum RnnNonlinearity
    {
        /// <summary>tanh (the default).</summary>
        Tanh = 0,

        /// <summary>ReLU.</summary>
        ReLU = 1,
    }

    /// <summary>
    /// What the recurrent layers share: PyTorch's options, batch first (N×L×F in), and whether the
    /// whole sequence or only the final hidden state comes out.
    /// </summary>
    public abstract class RecurrentAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="hiddenSize">H, the size of the hidden state.</param>
        protected RecurrentAttribute(int hiddenSize) => HiddenSize = hiddenSize;

        /// <summary>H, the size of the hidden state.</summary>
        public int HiddenSize { get; }

        /// <summary>Stacked layers (default 1); layer k &gt; 0 reads the outputs of layer k − 1.</summary>
        public int NumLayers { get; set; } = 1;

        /// <summary>Whether the input-hidden and hidden-hidden biases are learned (default true).</summary>
        public bool Bias { get; set; } = true;

        /// <summary>Whether a second direction reads the sequence from the end; outputs are then 2·H wide.</summary>
        public bool Bidirectional { get; set; }

        /// <summary>Dropout on the outputs of every layer but the last, in training (default 0).</summary>
        public double Dropout { get; set; }

        /// <summary>
        /// True (default): the output at every step, N×L×D·H. False: the last layer's final hidden
        /// state of each direction, N×D·H (the forward direction's output at the last step and the
        /// backward direction's at the first), for a classifier or a next-token head.
        /// </summary>
        public bool ReturnSequences { get; set; } = true;
    }

    /// <summary>
    /// Elman RNN: h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh). Parameters per layer and
    /// direction: H·in + H·H + 2·H.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RNNAttribute : RecurrentAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="hiddenSize">H, the size of the hidden state.</param>
        public RNNAttribute(int hiddenSize)
            : base(hiddenSize)
        {
        }

        /// <summary>tanh (default) or ReLU.</summary>
        public RnnNonlinearity Nonlinearity { get; set; } = RnnNonlinearity.Tanh;
    }

    /// <summary>
    /// LSTM with PyTorch's gate layout (i, f, g, o stacked in 4H rows, two bias vectors).
    /// Parameters per layer and direction: 4H·in + 4H·H + 2·4H. The course notes write one bias
    /// per gate (a scalar LSTM has 12 parameters there); ModelGen follows PyTorch, which has two
    /// (16): the same function with b_hh = 0.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LSTMAttribute : RecurrentAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="hiddenSize">H, the size of the hidden state.</param>
        public LSTMAttribute(int hiddenSize)
            : base(hiddenSize)
        {
        }
    }

    /// <summary>
    /// GRU with PyTorch's gate layout (r, z, n in 3H rows, two bias vectors; the reset gate
    /// applies after W_hn). Parameters per layer and direction: 3H·in + 3H·H + 2·3H. ModelGen
    /// follows PyTorch where the course notes differ: h_t = (1 − z)⊙n + z⊙h_{t−1} (the notes swap
    /// the role of z) and r ⊙ (W_hn·h + b_hn) (the notes apply r before the weight), with two
    /// bias vectors (a scalar GRU has 12 parameters, the notes' 9).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GRUAttribute : RecurrentAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="hiddenSize">H, the size of the hidden state.</param>
        public GRUAttribute(int hiddenSize)
            : base(hiddenSize)
        {
        }
    }

    /// <summary>
    /// Adds the sinusoidal positional encoding PE(pos, 2i) = sin(pos / 10000^(2i/D)),
    /// PE(pos, 2i + 1) = cos(pos / 10000^(2i/D)) to an N×L×D sequence. No parameters.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PositionalEncodingAttribute : LayerAttribute
    {
    }

    /// <summary>
    /// Multi-head self-attention over an N×L×E sequence (query = key = value = the input; E
    /// inferred; <see cref="NumHeads"/> must divide E). Parameters: 4·E·E + 4·E.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MultiheadAttentionAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="numHeads">Heads; each attends over E / heads dimensions.</param>
        public MultiheadAttentionAttribute(int numHeads) => NumHeads = numHeads;

        /// <summary>Heads; each attends over E / heads dimensions.</summary>
        public int NumHeads { get; }

        /// <summary>Dropout on the attention weights, in training (default 0).</summary>
        public double Dropout { get; set; }

        /// <summary>Whether the projections learn biases (default true).</summary>
        public bool Bias { get; set; } = true;
    }

    /// <summary>The feed-forward activation of a <see cref="TransformerEncoderLayerAttribute"/>.</summary>
    public enum TransformerActivation
    {
        /// <summary>ReLU (the default).</summary>
        ReLU = 0,

        /// <summary>GELU.</summary>
        GELU = 1,
    }

    /// <summary>
    /// A transformer encoder layer over an N×L×E sequence (d_model E inferred): self-attention and
    /// a feed-forward block E → <see cref="DimFeedforward"/> → E, each with a residual sum and a
    /// LayerNorm. Parameters: 4·E·E + 4·E + 2·E·F + F + E + 4·E.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class TransformerEncoderLayerAttribute : LayerAttribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="nhead">Attention heads; must divide d_model.</param>
        public TransformerEncoderLayerAttribute(int nhead) => NHead = nhead;

        /// <summary>Attention heads.</summary>
        public int NHead { get; }

        /// <summary>The feed-forward hidden size (default 2048).</summary>
        public int DimFeedforward { get; set; } = 2048;

        /// <summary>Dropout in training (default 0.1).</summary>
        public double Dropout { get; set; } = 0.1;

        /// <summary>The feed-forward activation (default ReLU).</summary>
        public TransformerActivation Activation { get; set; } = TransformerActivation.ReLU;

        /// <summary>Whether each LayerNorm comes before its block (pre-norm) rather than after the residual sum (default false).</summary>
        public bool NormFirst { get; set; }
    }
}

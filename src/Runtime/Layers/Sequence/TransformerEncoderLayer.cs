using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// PyTorch's <c>nn.TransformerEncoderLayer</c> with <c>batch_first=True</c>, built from TorchSharp
    /// modules because TorchSharp 0.107's own has neither batch_first nor norm_first. The
    /// submodules carry PyTorch's names (self_attn, linear1, linear2, norm1, norm2), so the
    /// state_dict keys are PyTorch's.
    /// Post-norm (default): x = norm1(x + SA(x)); x = norm2(x + FF(x)).
    /// Pre-norm (<c>normFirst</c>): x = x + SA(norm1(x)); x = x + FF(norm2(x)).
    /// SA is self-attention followed by dropout; FF is linear2(dropout(activation(linear1(x)))) followed by dropout.
    /// </summary>
    public sealed class TransformerEncoderLayer : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006 // PyTorch's names are the state_dict keys; the generated backward (Gradients.TransformerForward) reads them.
        internal readonly MultiheadAttention self_attn;
        internal readonly Linear linear1;
        internal readonly Dropout dropout;
        internal readonly Linear linear2;
        internal readonly LayerNorm norm1;
        internal readonly LayerNorm norm2;
        internal readonly Dropout dropout1;
        internal readonly Dropout dropout2;
#pragma warning restore IDE1006
        private readonly TransformerActivation _activation;
        private readonly bool _normFirst;
        private readonly long _nhead;
        private readonly double _dropout;

        /// <summary>Creates the layer.</summary>
        /// <param name="dModel">E, the embedding size.</param>
        /// <param name="nhead">Attention heads; must divide <paramref name="dModel"/>.</param>
        /// <param name="dimFeedforward">The feed-forward hidden size.</param>
        /// <param name="dropout">Dropout in training.</param>
        /// <param name="activation">The feed-forward activation.</param>
        /// <param name="normFirst">Whether each LayerNorm comes before its block.</param>
        public TransformerEncoderLayer(long dModel, long nhead, long dimFeedforward = 2048, double dropout = 0.1, TransformerActivation activation = TransformerActivation.ReLU, bool normFirst = false)
            : base(nameof(TransformerEncoderLayer))
        {
            self_attn = nn.MultiheadAttention(dModel, nhead, dropout: dropout);
            linear1 = nn.Linear(dModel, dimFeedforward);
            this.dropout = nn.Dropout(dropout);
            linear2 = nn.Linear(dimFeedforward, dModel);
            norm1 = nn.LayerNorm(dModel);
            norm2 = nn.LayerNorm(dModel);
            dropout1 = nn.Dropout(dropout);
            dropout2 = nn.Dropout(dropout);
            _activation = activation;
            _normFirst = normFirst;
            _nhead = nhead;
            _dropout = dropout;
            RegisterComponents();
        }

        /// <summary>The feed-forward activation.</summary>
        internal TransformerActivation Activation => _activation;

        /// <summary>Whether each LayerNorm comes before its block.</summary>
        internal bool NormFirst => _normFirst;

        /// <summary>The attention heads.</summary>
        internal long Heads => _nhead;

        /// <summary>The dropout probability of every dropout in the layer (the attention weights' included).</summary>
        internal double DropoutProbability => _dropout;

        /// <inheritdoc />
        public override Tensor forward(Tensor input)
        {
            if (input.dim() != 3)
            {
                throw new ArgumentException($"TransformerEncoderLayer expects a batch of sequences N×L×E but received {ModelGen.TensorShape.Format(input.shape)}.", nameof(input));
            }

            using var scope = NewDisposeScope();
            Tensor x = input;
            if (_normFirst)
            {
                x = x + SelfAttention(norm1.forward(x));
                x = x + FeedForward(norm2.forward(x));
            }
            else
            {
                x = norm1.forward(x + SelfAttention(x));
                x = norm2.forward(x + FeedForward(x));
            }

            return x.MoveToOuterDisposeScope();
        }

        private Tensor SelfAttention(Tensor x)
        {
            // TorchSharp's attention is sequence first (L×N×E).
            Tensor sequenceFirst = x.transpose(0, 1);
            Tensor attended = self_attn.forward(sequenceFirst, sequenceFirst, sequenceFirst, null, false, null).Item1;
            return dropout1.forward(attended.transpose(0, 1));
        }

        private Tensor FeedForward(Tensor x)
        {
            Tensor hidden = linear1.forward(x);
            hidden = _activation == TransformerActivation.GELU ? nn.functional.gelu(hidden) : nn.functional.relu(hidden);
            return dropout2.forward(linear2.forward(dropout.forward(hidden)));
        }
    }
}

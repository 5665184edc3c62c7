using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// Every layer kind ModelGen knows, one entry each. The attribute of an entry is
    /// <c>ModelGen.{Name}Attribute</c>; a test checks that the runtime's layer attributes and this
    /// list agree, and docs/layers.md is generated from it.
    /// </summary>
    internal static class LayerCatalog
    {
        /// <summary>The entries, in the order of the documentation table.</summary>
        public static IReadOnlyList<LayerEntry> Entries { get; } = new LayerEntry[]
        {
            LinearLayer.Instance,
            ConvLayer.OneD,
            ConvLayer.TwoD,
            ConvLayer.ThreeD,
            ConvTransposeLayer.OneD,
            ConvTransposeLayer.TwoD,
            PoolLayer.Max1d,
            PoolLayer.Max2d,
            PoolLayer.Max3d,
            PoolLayer.Avg1d,
            PoolLayer.Avg2d,
            PoolLayer.Avg3d,
            LPPoolLayer.OneD,
            LPPoolLayer.TwoD,
            AdaptivePoolLayer.Avg1d,
            AdaptivePoolLayer.Avg2d,
            AdaptivePoolLayer.Max2d,
            FlattenLayer.Instance,
            UnflattenLayer.Instance,
            UpsampleLayer.Instance,
            ZeroPad2dLayer.Instance,
            IdentityLayer.Instance,
            DropoutLayer.Instance,
            BatchNormLayer.OneD,
            BatchNormLayer.TwoD,
            BatchNormLayer.ThreeD,
            LayerNormLayer.Instance,
            GroupNormLayer.Instance,
            InstanceNorm2dLayer.Instance,
            Dropout2dLayer.Instance,
            AlphaDropoutLayer.Instance,
            GaussianNoiseLayer.Instance,
            BinaryStepLayer.Instance,
            ActivationLayer.ReLU,
            LeakyReLULayer.Instance,
            PReLULayer.Instance,
            ELULayer.Instance,
            ActivationLayer.SELU,
            GELULayer.Instance,
            ActivationLayer.SiLU,
            SoftplusLayer.Instance,
            ActivationLayer.Mish,
            ActivationLayer.Sigmoid,
            ActivationLayer.Tanh,
            HardtanhLayer.Instance,
            SoftmaxLayer.Softmax,
            SoftmaxLayer.LogSoftmax,
            MaxoutLayer.Instance,
            EmbeddingLayer.Instance,
            RecurrentLayer.Rnn,
            RecurrentLayer.Lstm,
            RecurrentLayer.Gru,
            PositionalEncodingLayer.Instance,
            MultiheadAttentionLayer.Instance,
            TransformerEncoderLayerEntry.Instance,
        };

        private static readonly Dictionary<string, LayerEntry> ByAttribute =
            Entries.ToDictionary(entry => entry.Name + AttributeSuffix, StringComparer.Ordinal);

        private const string AttributeSuffix = "Attribute";

        /// <summary>Finds the entry of an attribute class name: <c>Conv2dAttribute</c> → Conv2d.</summary>
        public static bool TryFind(string attributeClassName, out LayerEntry entry) =>
            ByAttribute.TryGetValue(attributeClassName, out entry!);
    }
}

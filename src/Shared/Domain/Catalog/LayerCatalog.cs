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
            Conv2dLayer.Instance,
            Pool2dLayer.Max,
            Pool2dLayer.Avg,
            FlattenLayer.Instance,
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
        };

        private static readonly Dictionary<string, LayerEntry> ByAttribute =
            Entries.ToDictionary(entry => entry.Name + AttributeSuffix, StringComparer.Ordinal);

        private const string AttributeSuffix = "Attribute";

        /// <summary>Finds the entry of an attribute class name: <c>Conv2dAttribute</c> → Conv2d.</summary>
        public static bool TryFind(string attributeClassName, out LayerEntry entry) =>
            ByAttribute.TryGetValue(attributeClassName, out entry!);
    }
}

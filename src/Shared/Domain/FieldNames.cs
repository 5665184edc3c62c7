using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Names layer fields <c>conv1</c>, <c>conv2</c>, <c>fc1</c>, …, numbered per prefix in source
    /// order. The names are the state_dict prefixes, so they must stay stable: changing a prefix
    /// breaks every saved checkpoint.
    /// </summary>
    internal sealed class FieldNames
    {
        private readonly Dictionary<string, int> _counts = new();

        public static string Prefix(LayerKind kind) => kind switch
        {
            LayerKind.Linear => "fc",
            LayerKind.Conv2d => "conv",
            LayerKind.MaxPool2d => "maxpool",
            LayerKind.AvgPool2d => "avgpool",
            LayerKind.Flatten => "flatten",
            LayerKind.Dropout => "dropout",
            LayerKind.BatchNorm1d => "bn",
            LayerKind.BatchNorm2d => "bn",
            LayerKind.ReLU => "relu",
            LayerKind.LeakyReLU => "leakyrelu",
            LayerKind.Sigmoid => "sigmoid",
            LayerKind.Tanh => "tanh",
            LayerKind.Softmax => "softmax",
            LayerKind.LogSoftmax => "logsoftmax",
            _ => "layer",
        };

        public string Next(LayerKind kind)
        {
            string prefix = Prefix(kind);
            _counts.TryGetValue(prefix, out int count);
            _counts[prefix] = ++count;
            return prefix + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

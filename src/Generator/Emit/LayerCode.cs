using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    /// <summary>
    /// The TorchSharp type, factory call and parameter formula of each layer kind: the one place
    /// that maps the catalog onto TorchSharp.
    /// </summary>
    internal static class LayerCode
    {
        public static string FieldType(LayerKind kind) => $"{CSharp.Modules}.{kind}";

        public static string Factory(LayerPlan layer)
        {
            LayerSpec spec = layer.Spec;
            return spec.Kind switch
            {
                LayerKind.Linear =>
                    $"{CSharp.Nn}.Linear(inputSize: {layer.InFeatures}, outputSize: {spec.Size}, hasBias: {CSharp.Literal(spec.Bias)})",
                LayerKind.Conv2d =>
                    $"{CSharp.Nn}.Conv2d(in_channels: {layer.InFeatures}, out_channels: {spec.Size}, kernel_size: {CSharp.Tuple(spec.Kernel)}, stride: {CSharp.Tuple(spec.Stride)}, padding: {CSharp.Tuple(spec.Padding)}, dilation: {CSharp.Tuple(spec.Dilation)}, bias: {CSharp.Literal(spec.Bias)})",
                LayerKind.MaxPool2d =>
                    $"{CSharp.Nn}.MaxPool2d(kernel_size: {CSharp.Tuple(spec.Kernel)}, stride: {CSharp.Tuple(spec.Stride)}, padding: {CSharp.Tuple(spec.Padding)})",
                LayerKind.AvgPool2d =>
                    $"{CSharp.Nn}.AvgPool2d(kernel_size: {CSharp.Tuple(spec.Kernel)}, stride: {CSharp.Tuple(spec.Stride)}, padding: {CSharp.Tuple(spec.Padding)})",
                LayerKind.Flatten => $"{CSharp.Nn}.Flatten(start_dim: 1, end_dim: -1)",
                LayerKind.Dropout => $"{CSharp.Nn}.Dropout(p: {CSharp.Literal(spec.Rate)})",
                LayerKind.BatchNorm1d or LayerKind.BatchNorm2d =>
                    $"{CSharp.Nn}.{spec.Kind}(num_features: {layer.InFeatures}, eps: {CSharp.Literal(spec.Rate)}, momentum: {CSharp.Literal(spec.Momentum)})",
                LayerKind.LeakyReLU => $"{CSharp.Nn}.LeakyReLU(negative_slope: {CSharp.Literal(spec.Rate)})",
                LayerKind.Softmax or LayerKind.LogSoftmax => $"{CSharp.Nn}.{spec.Kind}(dim: {spec.Dim})",
                _ => $"{CSharp.Nn}.{spec.Kind}()",
            };
        }

        /// <summary>How the parameter count comes about, for the layer's comment: <c>16·1·3·3 + 16</c>.</summary>
        public static string ParameterFormula(LayerPlan layer)
        {
            LayerSpec spec = layer.Spec;
            return spec.Kind switch
            {
                LayerKind.Linear => spec.Bias ? $"{layer.InFeatures}·{spec.Size} + {spec.Size}" : $"{layer.InFeatures}·{spec.Size}",
                LayerKind.Conv2d => spec.Bias
                    ? $"{spec.Size}·{layer.InFeatures}·{spec.Kernel.Height}·{spec.Kernel.Width} + {spec.Size}"
                    : $"{spec.Size}·{layer.InFeatures}·{spec.Kernel.Height}·{spec.Kernel.Width}",
                LayerKind.BatchNorm1d or LayerKind.BatchNorm2d => $"2·{layer.InFeatures}",
                _ => string.Empty,
            };
        }

        /// <summary>
        /// The documentation comment of a layer's field: attribute, shapes, parameters. An XML
        /// comment rather than a plain one, so IntelliSense shows it and projects that require
        /// documentation (CS1591) build.
        /// </summary>
        public static string Comment(LayerPlan layer)
        {
            string formula = ParameterFormula(layer);
            string parameters = layer.Parameters == 0
                ? "no parameters"
                : $"{Numbers.Grouped(layer.Parameters)} parameters{(formula.Length == 0 ? string.Empty : $" ({formula})")}";
            return $"/// <summary>[{CSharp.Xml(layer.Spec.Display)}]  {Shape.Format(layer.InputShape)} → {Shape.Format(layer.OutputShape)}, {parameters}</summary>";
        }
    }
}

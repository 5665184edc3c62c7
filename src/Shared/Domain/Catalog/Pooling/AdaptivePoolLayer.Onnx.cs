namespace ModelGen.Domain
{
    internal sealed partial class AdaptivePoolLayer
    {
        /// <summary>
        /// Output size 1 on every axis: <c>GlobalAveragePool</c> / <c>GlobalMaxPool</c>. An input that
        /// is a multiple of the output on every axis: a plain pool with window = stride = in / out
        /// (PyTorch's adaptive windows are then exactly those). Otherwise the windows overlap
        /// unevenly and there is no mapping.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            if (spec.OutputSize.All(1))
            {
                return graph.Last(IsMax ? "GlobalMaxPool" : "GlobalAveragePool", new[] { input });
            }

            var window = new int[Rank];
            for (int axis = 0; axis < Rank; axis++)
            {
                int size = layer.InputShape[axis + 1];
                int output = spec.OutputSize[axis];
                if (size <= 0 || size % output != 0)
                {
                    return null;
                }

                window[axis] = size / output;
            }

            Axes axes = Axes.Of(window);
            return graph.Last(IsMax ? "MaxPool" : "AveragePool", new[] { input }, OnnxMap.Ints("kernel_shape", axes), OnnxMap.Ints("strides", axes));
        }
    }
}

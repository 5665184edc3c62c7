using System.Collections.Generic;

namespace ModelGen.Domain
{
    internal sealed partial class AdaptivePoolLayer
    {
        /// <summary>
        /// Output size 1 on every axis: <c>GlobalAveragePool</c> / <c>GlobalMaxPool</c>. An input that
        /// is a multiple of the output on every axis: a plain pool with window = stride = in / out
        /// (PyTorch's adaptive windows are then exactly those). Otherwise PyTorch's windows
        /// [floor(i·in/out), ceil((i + 1)·in/out)) overlap unevenly; a mean or max over a rectangle is
        /// one over each axis in turn, so each axis is a <c>Slice</c> and a <c>ReduceMean</c> /
        /// <c>ReduceMax</c> per output position, <c>Concat</c>enated.
        /// </summary>
        protected override string? Onnx(Spec spec, LayerPlan layer, OnnxGraph graph, string input)
        {
            if (spec.OutputSize.All(1))
            {
                return graph.Last(IsMax ? "GlobalMaxPool" : "GlobalAveragePool", new[] { input });
            }

            var window = new int[Rank];
            bool even = true;
            for (int axis = 0; axis < Rank; axis++)
            {
                int size = layer.InputShape[axis + 1];
                int output = spec.OutputSize[axis];
                if (size <= 0)
                {
                    return null;
                }

                even &= size % output == 0;
                window[axis] = size / output;
            }

            if (even)
            {
                Axes axes = Axes.Of(window);
                return graph.Last(IsMax ? "MaxPool" : "AveragePool", new[] { input }, OnnxMap.Ints("kernel_shape", axes), OnnxMap.Ints("strides", axes));
            }

            string current = input;
            for (int axis = 0; axis < Rank; axis++)
            {
                long size = layer.InputShape[axis + 1];
                int output = spec.OutputSize[axis];
                string axisName = graph.Int64s("axis", axis + 2);
                var pieces = new List<string>();
                for (int i = 0; i < output; i++)
                {
                    long start = i * size / output;
                    long end = (((i + 1) * size) + output - 1) / output;
                    string slice = graph.Step("Slice", new[] { current, graph.Int64s("start", start), graph.Int64s("end", end), axisName });
                    pieces.Add(graph.Step(IsMax ? "ReduceMax" : "ReduceMean", new[] { slice, axisName }, OnnxMap.Int("keepdims", 1)));
                }

                current = axis == Rank - 1
                    ? graph.Last("Concat", pieces, OnnxMap.Int("axis", axis + 2))
                    : graph.Step("Concat", pieces, OnnxMap.Int("axis", axis + 2));
            }

            return current;
        }
    }
}

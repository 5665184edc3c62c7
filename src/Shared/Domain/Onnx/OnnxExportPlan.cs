using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>The ONNX graph of a whole model, or the layer that has no mapping.</summary>
    /// <param name="Graph">The graph, or null when a layer has no mapping.</param>
    /// <param name="Input">The graph input (<c>input</c>, batch <c>N</c> first, the declared sequence length by name).</param>
    /// <param name="Output">The graph output (<c>output</c>).</param>
    /// <param name="Blocking">The index of the first layer without a mapping, or −1 (also −1 for a hand-written forward, which has no graph either).</param>
    /// <param name="Unmapped">Why that layer does not map (<c>Block&lt;Custom&gt;(Width = 4): Custom writes its own forward, …</c>), or null.</param>
    internal sealed record OnnxExport(OnnxGraph? Graph, OnnxValue Input, OnnxValue Output, int Blocking, string? Unmapped = null);

    /// <summary>
    /// Builds a model's ONNX graph from its compile-time plan by asking each layer's catalog
    /// entry for its nodes (<see cref="LayerEntry.Onnx"/>), in order. Names no kind.
    /// </summary>
    internal static class OnnxExportPlan
    {
        /// <summary>The graph of <paramref name="plan"/>; <see cref="OnnxExport.Blocking"/> names the first layer without a mapping.</summary>
        public static OnnxExport Build(ModelPlan plan)
        {
            string? length = plan.Spec.SequenceLength;
            var input = new OnnxValue(OnnxGraph.InputName, plan.Spec.Input == InputKindSpec.TokenIds, Dims(plan.Spec.InputShape, length));
            var output = new OnnxValue(OnnxGraph.OutputName, false, Dims(plan.OutputShape, length));
            if (plan.Spec.HandWrittenForward)
            {
                // The compile-time plan lists the layers, not what the hand-written forward does with them.
                return new OnnxExport(null, input, output, -1);
            }

            var graph = new OnnxGraph();
            string? current = Layers(plan.Layers, graph, OnnxGraph.InputName, out int blocking);
            if (current is null)
            {
                return new OnnxExport(null, input, output, blocking, graph.Unmapped);
            }

            graph.Scope = string.Empty;
            if (current == OnnxGraph.InputName)
            {
                graph.Scope = OnnxGraph.OutputName;
                graph.Last("Identity", new[] { current });
            }
            else
            {
                graph.Rename(current, OnnxGraph.OutputName);
            }

            return new OnnxExport(graph, input, output, -1);
        }

        /// <summary>
        /// Adds <paramref name="layers"/> (a model's, or a block's body) in order from
        /// <paramref name="input"/>, each through its entry's <see cref="LayerEntry.Onnx"/> with its
        /// scope under <see cref="OnnxGraph.ScopePrefix"/>, and returns the last output's name; null
        /// when a layer does not map (<paramref name="blocking"/> is its index and
        /// <see cref="OnnxGraph.Unmapped"/> says why). Graph constructs (blocks, branches, reuse)
        /// call it again for the layers they hold.
        /// </summary>
        public static string? Layers(IReadOnlyList<LayerPlan> layers, OnnxGraph graph, string input, out int blocking)
        {
            string current = input;
            for (int i = 0; i < layers.Count; i++)
            {
                LayerPlan layer = layers[i];
                graph.Scope = graph.ScopePrefix + layer.FieldName;
                string? next = layer.Entry.Onnx(layer, graph, current);
                if (next is null)
                {
                    graph.Unmapped ??= $"{layer.Spec.Display} has no ONNX mapping";
                    blocking = i;
                    return null;
                }

                current = next;
            }

            blocking = -1;
            return current;
        }

        /// <summary>The problem that keeps <c>ExportOnnx</c> out of <paramref name="plan"/>, or null when every layer maps.</summary>
        public static ModelProblem? Problem(ModelPlan plan)
        {
            if (plan.HasErrors)
            {
                return null;
            }

            if (plan.Spec.HandWrittenForward)
            {
                return new ModelProblem(
                    ProblemKind.OnnxUnmapped,
                    ProblemTarget.Model,
                    -1,
                    $"{plan.Spec.Name} writes its own forward, which the compile-time plan does not describe, so {plan.Spec.Name} gets no ExportOnnx method; " +
                    "export the layers from a model whose forward is generated, or leave the model to TorchSharp");
            }

            OnnxExport export = Build(plan);
            if (export.Blocking < 0)
            {
                return null;
            }

            string reason = export.Unmapped ?? $"{plan.Layers[export.Blocking].Spec.Display} has no ONNX mapping";
            return new ModelProblem(
                ProblemKind.OnnxUnmapped,
                ProblemTarget.Layer,
                export.Blocking,
                $"{reason}, so {plan.Spec.Name} gets no ExportOnnx method; " +
                "replace what does not map (docs/layers.md lists the kinds that do; a forward written by hand never does), or leave the model to TorchSharp");
        }

        private static EquatableArray<OnnxDim> Dims(EquatableArray<int> shape, string? length)
        {
            var dims = new List<OnnxDim> { new(0, OnnxGraph.BatchName) };
            dims.AddRange(shape.Select(d => d == Shape.Symbolic ? new OnnxDim(0, length ?? Shape.DefaultLengthName) : new OnnxDim(d, null)));
            return new EquatableArray<OnnxDim>(dims.ToArray());
        }
    }
}

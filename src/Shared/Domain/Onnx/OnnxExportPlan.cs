using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>The ONNX graph of a whole model, or the layer that has no mapping.</summary>
    /// <param name="Graph">The graph, or null when a layer has no mapping.</param>
    /// <param name="Input">The graph input (<c>input</c>, batch <c>N</c> first, the declared sequence length by name).</param>
    /// <param name="Output">The graph output (<c>output</c>).</param>
    /// <param name="Blocking">The index of the first layer without a mapping, or −1 (also −1 for a hand-written forward, which has no graph either).</param>
    internal sealed record OnnxExport(OnnxGraph? Graph, OnnxValue Input, OnnxValue Output, int Blocking);

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
            string current = OnnxGraph.InputName;
            for (int i = 0; i < plan.Layers.Count; i++)
            {
                LayerPlan layer = plan.Layers[i];
                graph.Scope = layer.FieldName;
                string? next = layer.Entry.Onnx(layer, graph, current);
                if (next is null)
                {
                    return new OnnxExport(null, input, output, i);
                }

                current = next;
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

            LayerPlan layer = plan.Layers[export.Blocking];
            return new ModelProblem(
                ProblemKind.OnnxUnmapped,
                ProblemTarget.Layer,
                export.Blocking,
                $"{layer.Spec.Display} has no ONNX mapping yet, so {plan.Spec.Name} gets no ExportOnnx method; " +
                "blocks, branches and shared layers do not export yet, and docs/layers.md lists the layer kinds that do");
        }

        private static EquatableArray<OnnxDim> Dims(EquatableArray<int> shape, string? length)
        {
            var dims = new List<OnnxDim> { new(0, OnnxGraph.BatchName) };
            dims.AddRange(shape.Select(d => d == Shape.Symbolic ? new OnnxDim(0, length ?? Shape.DefaultLengthName) : new OnnxDim(d, null)));
            return new EquatableArray<OnnxDim>(dims.ToArray());
        }
    }
}

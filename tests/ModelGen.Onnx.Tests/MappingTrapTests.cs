using System;
using System.Linq;
using ModelGen.Onnx.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Onnx.Tests
{
    /// <summary>
    /// The layout traps of the ONNX mapping, each checked both ways: the generated graph matches
    /// TorchSharp in ONNX Runtime, and the naive mapping (the same graph with the trap undone)
    /// does not (or is refused), so a regression to it fails here.
    /// </summary>
    public sealed partial class MappingTrapTests
    {
        [Fact]
        public void Conv_pads_are_all_begins_then_all_ends()
        {
            OnnxGraphPlan plan = RectangularPaddingConv.OnnxGraph();
            Assert.Equal(new long[] { 1, 2, 1, 2 }, Attribute(plan, "Conv", "pads").IntValues);
            AssertBothWays(new RectangularPaddingConv(), Rewrite(plan, node: n => n.Op == "Conv" ? WithAttribute(n, OnnxAttributeValue.Ints("pads", new long[] { 1, 1, 2, 2 })) : n));
        }

        [Fact]
        public void MaxPool_writes_strides_because_onnx_defaults_them_to_one()
        {
            OnnxGraphPlan plan = StridedMaxPool.OnnxGraph();
            Assert.Equal(new long[] { 2, 2 }, Attribute(plan, "MaxPool", "strides").IntValues);
            AssertBothWays(new StridedMaxPool(), Rewrite(plan, node: n => Without(n, "strides")));
        }

        [Fact]
        public void AveragePool_counts_the_padding_as_pytorch_does()
        {
            OnnxGraphPlan plan = PaddedAvgPool.OnnxGraph();
            Assert.Equal(1, Attribute(plan, "AveragePool", "count_include_pad").IntValues[0]);
            AssertBothWays(new PaddedAvgPool(), Rewrite(plan, node: n => Without(n, "count_include_pad")));
        }

        [Fact]
        public void Softplus_with_beta_is_mul_softplus_div()
        {
            OnnxGraphPlan plan = SoftplusBetaTwo.OnnxGraph();
            Assert.Equal(new[] { "Mul", "Softplus", "Div" }, plan.Nodes.Select(n => n.Op).ToArray());
            OnnxGraphPlan naive = new("SoftplusBetaTwo", plan.Opset, plan.IrVersion);
            naive.Input("input", false, "N", 12);
            naive.Output("output", false, "N", 12);
            naive.Node("Softplus", "softplus1", new[] { "input" }, new[] { "output" });
            AssertBothWays(new SoftplusBetaTwo(), naive);
        }

        [Fact]
        public void Gelu_needs_opset_20_and_mish_opset_18()
        {
            Assert.Equal(22, GeluOnly.OnnxGraph().Opset);
            AssertBothWays(new GeluOnly(), Rewrite(GeluOnly.OnnxGraph(), opset: 19));
            AssertBothWays(new MishOnly(), Rewrite(MishOnly.OnnxGraph(), opset: 17));
        }

        [Fact]
        public void Softmax_before_opset_13_flattened_the_map()
        {
            AssertBothWays(new ChannelSoftmax(), Rewrite(ChannelSoftmax.OnnxGraph(), opset: 11));
        }

        [Fact]
        public void Flatten_from_an_inner_dimension_is_a_reshape()
        {
            OnnxGraphPlan plan = InnerFlatten.OnnxGraph();
            Assert.Equal("Reshape", Assert.Single(plan.Nodes).Op);
            OnnxGraphPlan naive = new("InnerFlatten", plan.Opset, plan.IrVersion);
            naive.Input("input", false, "N", 3, 4, 5);
            naive.Output("output", false, "N", 3, 20);
            naive.Node("Flatten", "flatten1", new[] { "input" }, new[] { "output" }, OnnxAttributeValue.Int("axis", 2));
            AssertBothWays(new InnerFlatten(), naive);
        }

        [Fact]
        public void BatchNormalization_momentum_is_one_minus_pytorchs_and_uses_the_running_statistics()
        {
            OnnxGraphPlan plan = MomentumBatchNorm.OnnxGraph();
            Assert.Equal(0.9f, Attribute(plan, "BatchNormalization", "momentum").FloatValues[0], 6);
            using var model = new MomentumBatchNorm();
            using (torch.no_grad())
            {
                model.train();
                for (int i = 0; i < 3; i++)
                {
                    model.forward(torch.randn(8, 3, 4, 4) * 3 + 1).Dispose();
                }
            }

            OnnxParity.AssertMatches(model);
        }

        [Fact]
        public void Lstm_gate_blocks_are_reordered_from_ifgo_to_iofc()
        {
            OnnxGraphPlan plan = SmallLstm.OnnxGraph();
            Assert.All(plan.Initializers.Where(i => i.Sources.Length > 0), i => Assert.Equal(new[] { 0, 3, 1, 2 }, i.GateOrder));
            Assert.Equal(new long[] { 1, 32 }, plan.Initializers.Single(i => i.Name.EndsWith("B_l0", StringComparison.Ordinal)).Dims);
            AssertBothWays(new SmallLstm(), Rewrite(plan, initializer: i => i with { GateOrder = Array.Empty<int>() }));
        }

        [Fact]
        public void Gru_gate_blocks_are_reordered_and_the_reset_gate_applies_after_the_product()
        {
            OnnxGraphPlan plan = SmallGru.OnnxGraph();
            Assert.Equal(1, Attribute(plan, "GRU", "linear_before_reset").IntValues[0]);
            AssertBothWays(new SmallGru(), Rewrite(plan, initializer: i => i with { GateOrder = Array.Empty<int>() }));
            Assert.ThrowsAny<Exception>(() => OnnxParity.AssertMatches(new SmallGru(), OnnxExporter.ToBytes(new SmallGru(), Rewrite(plan, node: n => Without(n, "linear_before_reset")))));
        }

        [Fact]
        public void Onnx_runtime_refuses_the_batch_first_recurrent_layout_so_the_node_is_wrapped_in_transposes()
        {
            OnnxGraphPlan plan = SmallLstm.OnnxGraph();
            Assert.Equal("Transpose", plan.Nodes[0].Op);
            using var model = new SmallLstm();
            OnnxGraphPlan batchFirst = Rewrite(plan, node: n => n.Op == "LSTM" ? WithAttribute(n, OnnxAttributeValue.Int("layout", 1)) : n);
            Assert.ThrowsAny<Exception>(() => OnnxParity.AssertMatches(model, OnnxExporter.ToBytes(model, batchFirst)));
        }

        [Fact]
        public void Embedding_is_a_gather_over_int64_token_ids()
        {
            OnnxGraphPlan plan = SmallEmbedding.OnnxGraph();
            Assert.Equal("Gather", Assert.Single(plan.Nodes).Op);
            Assert.True(plan.Inputs[0].Int64);
            using var model = new SmallEmbedding();
            OnnxParity.AssertMatches(model);
            using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(OnnxParity.Export(model));
            Assert.Equal(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64, session.InputMetadata["input"].ElementDataType);
            Assert.Equal(new[] { -1, -1 }, session.InputMetadata["input"].Dimensions);
            Assert.Equal(new[] { "N", "T" }, session.InputMetadata["input"].SymbolicDimensions);
        }

        [Fact]
        public void Dropout_exports_as_identity()
        {
            OnnxGraphPlan plan = DropoutAfterLinear.OnnxGraph();
            Assert.Equal(new[] { "Gemm", "Identity" }, plan.Nodes.Select(n => n.Op).ToArray());
            using var model = new DropoutAfterLinear();
            OnnxParity.AssertMatches(model);
        }

        /// <summary>The generated graph matches TorchSharp; <paramref name="naive"/> does not, or ONNX Runtime refuses it.</summary>
        private static void AssertBothWays(nn.Module<Tensor, Tensor> model, OnnxGraphPlan naive)
        {
            using (model)
            {
                OnnxParity.AssertMatches(model);
                Assert.ThrowsAny<Exception>(() => OnnxParity.AssertMatches(model, OnnxExporter.ToBytes(model, naive)));
            }
        }

        private static OnnxAttributeValue Attribute(OnnxGraphPlan plan, string op, string name) =>
            plan.Nodes.First(n => n.Op == op).Attributes.Single(a => a.Name == name);

        private static OnnxNodePlan Without(OnnxNodePlan node, string attribute) =>
            node with { Attributes = node.Attributes.Where(a => a.Name != attribute).ToArray() };

        private static OnnxNodePlan WithAttribute(OnnxNodePlan node, OnnxAttributeValue attribute) =>
            node with { Attributes = node.Attributes.Where(a => a.Name != attribute.Name).Append(attribute).ToArray() };

        /// <summary>A copy of <paramref name="plan"/> with the opset, nodes or initializers changed.</summary>
        private static OnnxGraphPlan Rewrite(OnnxGraphPlan plan, int? opset = null, Func<OnnxNodePlan, OnnxNodePlan>? node = null, Func<OnnxInitializerPlan, OnnxInitializerPlan>? initializer = null)
        {
            var copy = new OnnxGraphPlan(plan.Name, opset ?? plan.Opset, plan.IrVersion);
            foreach (OnnxValueInfo input in plan.Inputs)
            {
                copy.Input(input.Name, input.Int64, input.Dims.ToArray());
            }

            foreach (OnnxValueInfo output in plan.Outputs)
            {
                copy.Output(output.Name, output.Int64, output.Dims.ToArray());
            }

            foreach (OnnxInitializerPlan i in plan.Initializers.Select(initializer ?? (i => i)))
            {
                if (i.IntValues is long[] ints)
                {
                    copy.Int64s(i.Name, i.Dims, ints);
                }
                else if (i.FloatValues is float[] floats)
                {
                    copy.Floats(i.Name, i.Dims, floats);
                }
                else
                {
                    copy.Weight(i.Name, i.Sources, i.GateOrder, i.Transpose, i.Dims);
                }
            }

            foreach (OnnxNodePlan n in plan.Nodes.Select(node ?? (n => n)))
            {
                copy.Node(n.Op, n.Name, n.Inputs, n.Outputs, n.Attributes);
            }

            return copy;
        }
    }
}

using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using ModelGen.Onnx.Tests.Models;
using ModelGen.Parity.Tests.Models;
using Xunit;

namespace ModelGen.Onnx.Tests
{
    /// <summary>
    /// Attention, the transformer encoder layer and LPPool: each mapping against the naive one
    /// (no 1/√d, the heads merged without moving them back, softmax over the queries, post-norm
    /// for pre-norm, ReLU for GELU, ONNX's LpPool for PyTorch's formula).
    /// </summary>
    public sealed partial class MappingTrapTests
    {
        [Fact]
        public void Attention_scales_the_scores_by_one_over_the_root_of_the_head_size()
        {
            OnnxGraphPlan plan = FourHeadAttention.OnnxGraph();
            OnnxInitializerPlan scale = plan.Initializers.Single(i => i.Name.EndsWith("/scale", StringComparison.Ordinal));
            Assert.Equal((float)(1 / Math.Sqrt(2)), scale.FloatValues![0]);
            AssertBothWays(new FourHeadAttention(), Rewrite(plan, initializer: i => i.Name == scale.Name ? i with { FloatValues = new[] { 1f } } : i));
        }

        [Fact]
        public void Attention_moves_the_heads_back_before_merging_them()
        {
            OnnxGraphPlan plan = FourHeadAttention.OnnxGraph();
            OnnxNodePlan merge = plan.Nodes.Single(n => n.Op == "Reshape" && n.Inputs[1].EndsWith("/merged_shape", StringComparison.Ordinal));
            OnnxNodePlan back = plan.Nodes.Single(n => n.Outputs[0] == merge.Inputs[0]);
            Assert.Equal(new long[] { 0, 2, 1, 3 }, back.Attributes.Single(a => a.Name == "perm").IntValues);
            AssertBothWays(new FourHeadAttention(), Rewrite(plan, node: n => n == merge ? n with { Inputs = new[] { back.Inputs[0], n.Inputs[1] } } : n));
        }

        [Fact]
        public void Attention_softmax_runs_over_the_keys()
        {
            OnnxGraphPlan plan = FourHeadAttention.OnnxGraph();
            Assert.Equal(-1, Attribute(plan, "Softmax", "axis").IntValues[0]);
            AssertBothWays(new FourHeadAttention(), Rewrite(plan, node: n => n.Op == "Softmax" ? WithAttribute(n, OnnxAttributeValue.Int("axis", -2)) : n));
        }

        [Fact]
        public void Attention_takes_any_length_under_the_declared_name()
        {
            using var model = new FourHeadAttention();
            byte[] bytes = OnnxParity.Export(model);
            using var session = new InferenceSession(bytes);
            Assert.Equal(new[] { "N", "T", string.Empty }, session.InputMetadata["input"].SymbolicDimensions);
            Assert.Equal(new[] { "N", "T", string.Empty }, session.OutputMetadata["output"].SymbolicDimensions);
            OnnxParity.AssertMatches(model, bytes, lengths: new long[] { 1, 4, 11 });
        }

        [Fact]
        public void Attention_weights_are_the_state_dicts_in_proj_and_out_proj()
        {
            using var model = new AttentionWithoutBias();
            string[] keys = model.state_dict().Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "attention1.in_proj_weight", "attention1.out_proj.weight" }, keys);
            Assert.Equal(keys, AttentionWithoutBias.OnnxGraph().Initializers.Where(i => i.Sources.Length > 0).Select(i => i.Name).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal(3, Attribute(AttentionWithoutBias.OnnxGraph(), "Split", "num_outputs").IntValues[0]);
        }

        [Fact]
        public void Encoder_layer_with_norm_first_normalizes_before_each_block()
        {
            AssertBothWays(new PreNormEncoder(), Rewrite(PostNormEncoder.OnnxGraph()));
            AssertBothWays(new PostNormEncoder(), Rewrite(PreNormEncoder.OnnxGraph()));
        }

        [Fact]
        public void Encoder_layer_uses_the_declared_activation()
        {
            OnnxGraphPlan plan = GeluEncoder.OnnxGraph();
            Assert.Equal("none", Attribute(plan, "Gelu", "approximate").Text);
            Assert.DoesNotContain(plan.Nodes, n => n.Op == "Relu");
            AssertBothWays(new GeluEncoder(), Rewrite(plan, node: n => n.Op == "Gelu" ? n with { Op = "Relu", Attributes = Array.Empty<OnnxAttributeValue>() } : n));
        }

        [Fact]
        public void Encoder_layer_reads_pytorchs_submodule_keys()
        {
            using var model = new EncoderLayerPreNormGelu();
            string[] keys = model.state_dict().Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            Assert.Contains("encoder1.self_attn.in_proj_weight", keys);
            Assert.Equal(keys, EncoderLayerPreNormGelu.OnnxGraph().Initializers.Where(i => i.Sources.Length > 0).Select(i => i.Name).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void LPPool_with_an_odd_norm_sums_the_signed_powers()
        {
            OnnxGraphPlan plan = OddNormPool.OnnxGraph();
            Assert.Equal(new[] { "Pow", "AveragePool", "Mul", "Pow" }, plan.Nodes.Select(n => n.Op).ToArray());
            AssertBothWays(new OddNormPool(), NaiveLpPool(plan, p: 3, kernel: 2, stride: 2));
        }

        [Fact]
        public void LPPool_with_norm_one_is_the_signed_window_sum()
        {
            AssertBothWays(new SignedSumPool(), NaiveLpPool(SignedSumPool.OnnxGraph(), p: 1, kernel: 3, stride: 1));
        }

        [Fact]
        public void LPPool_with_a_fractional_norm_keeps_it()
        {
            OnnxGraphPlan plan = FractionalNormPool.OnnxGraph();
            Assert.Equal(1.5f, plan.Initializers.Single(i => i.Name.EndsWith("/p", StringComparison.Ordinal)).FloatValues![0]);
            OnnxGraphPlan naive = Rewrite(plan, node: n => n.Op == "AveragePool"
                ? n with { Op = "LpPool", Inputs = new[] { plan.Nodes.Single(m => m.Op == "Sigmoid").Outputs[0] }, Attributes = n.Attributes.Where(a => a.Name != "ceil_mode").Append(OnnxAttributeValue.Int("p", 1)).ToArray() }
                : n.Op == "Mul" ? n with { Op = "Identity", Inputs = new[] { n.Inputs[0] } }
                : n.Op == "Pow" && n.Outputs[0] == "output" ? n with { Op = "Identity", Inputs = new[] { n.Inputs[0] } }
                : n);
            AssertBothWays(new FractionalNormPool(), naive);
        }

        [Fact]
        public void LPPool_rescales_a_window_that_ceil_mode_cuts_as_pytorch_does()
        {
            AssertBothWays(new CeilModeL2Pool(), NaiveLpPool(CeilModeL2Pool.OnnxGraph(), p: 2, kernel: 2, stride: 2, ceil: true));
        }

        /// <summary>The naive mapping: one ONNX LpPool (which sums |x|ᵖ over the window's elements).</summary>
        private static OnnxGraphPlan NaiveLpPool(OnnxGraphPlan plan, long p, long kernel, long stride, bool ceil = false)
        {
            var naive = new OnnxGraphPlan(plan.Name, plan.Opset, plan.IrVersion);
            naive.Input("input", false, plan.Inputs[0].Dims.ToArray());
            naive.Output("output", false, plan.Outputs[0].Dims.ToArray());
            naive.Node(
                "LpPool",
                "lppool1",
                new[] { "input" },
                new[] { "output" },
                OnnxAttributeValue.Ints("kernel_shape", new[] { kernel, kernel }),
                OnnxAttributeValue.Ints("strides", new[] { stride, stride }),
                OnnxAttributeValue.Int("p", p),
                OnnxAttributeValue.Int("ceil_mode", ceil ? 1 : 0));
            return naive;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Onnx.Tests.Models;
using ModelGen.Parity.Tests.Models;
using ModelGen.Samples.Zoo;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Onnx.Tests
{
    /// <summary>
    /// The graph constructs' mapping (blocks, residual sums, projection shortcuts, branches, reuse),
    /// each checked against the naive version: the generated graph matches TorchSharp, the naive
    /// one does not or is refused, and where the naive version changes no number (a reused weight
    /// written twice) the initializers are counted.
    /// </summary>
    public sealed partial class MappingTrapTests
    {
        [Fact]
        public void A_residual_block_adds_its_input_to_the_body()
        {
            OnnxGraphPlan plan = TinyResNet.OnnxGraph();
            Assert.Equal(new[] { "stage1.0/Add", "stage1.1/Add", "stage2/Add" }, plan.Nodes.Where(n => n.Op == "Add").Select(n => n.Name).ToArray());
            OnnxGraphPlan withoutSum = Rewrite(plan, node: n => n.Op == "Add" ? n with { Op = "Identity", Inputs = new[] { n.Inputs[0] } } : n);
            AssertBothWays(new TinyResNet(), withoutSum);
        }

        [Fact]
        public void A_projection_shortcut_adds_downsample_of_the_input_not_the_input()
        {
            OnnxGraphPlan plan = TinyResNet.OnnxGraph();
            OnnxNodePlan projection = plan.Nodes.Single(n => n.Name == "stage2.downsample.0");
            Assert.Equal("Conv", projection.Op);
            Assert.Equal(new[] { "stage2.downsample.0.weight" }, projection.Inputs.Skip(1).ToArray());
            Assert.Equal("stage2.downsample.1", plan.Nodes.Single(n => n.Name == "stage2/Add").Inputs[1]);
            OnnxGraphPlan identity = Rewrite(plan, node: n => n.Name == "stage2/Add" ? n with { Inputs = new[] { n.Inputs[0], projection.Inputs[0] } } : n);
            AssertBothWays(new TinyResNet(), identity);
        }

        [Fact]
        public void Concat_joins_the_channels_after_the_batch_dimension()
        {
            OnnxGraphPlan plan = BranchNet.OnnxGraph();
            Assert.All(plan.Nodes.Where(n => n.Op == "Concat"), n => Assert.Equal(1, n.Attributes.Single(a => a.Name == "axis").IntValues[0]));
            AssertBothWays(new BranchNet(), Rewrite(plan, node: n => n.Op == "Concat" ? WithAttribute(n, OnnxAttributeValue.Int("axis", 0)) : n));
        }

        [Fact]
        public void Concat_of_sequences_joins_the_features_not_the_positions()
        {
            OnnxGraphPlan plan = SequenceConcat.OnnxGraph();
            OnnxNodePlan concat = plan.Nodes.Single(n => n.Op == "Concat");
            Assert.Equal(-1, concat.Attributes.Single(a => a.Name == "axis").IntValues[0]);
            Assert.Equal("input", concat.Inputs[0]);
            AssertBothWays(new SequenceConcat(), Rewrite(plan, node: n => n.Op == "Concat" ? WithAttribute(n, OnnxAttributeValue.Int("axis", 1)) : n));
        }

        [Fact]
        public void A_concat_that_includes_its_input_joins_it_first()
        {
            OnnxGraphPlan plan = BranchNet.OnnxGraph();
            OnnxNodePlan dense = plan.Nodes.Single(n => n.Name == "dense");
            Assert.Equal(2, dense.Inputs.Length);
            AssertBothWays(new BranchNet(), Rewrite(plan, node: n => n.Name == "dense" ? n with { Inputs = n.Inputs.Skip(1).ToArray() } : n));
        }

        [Fact]
        public void Sum_adds_every_branch()
        {
            OnnxGraphPlan plan = BranchNet.OnnxGraph();
            OnnxNodePlan sum = plan.Nodes.Single(n => n.Op == "Sum");
            Assert.Equal(2, sum.Inputs.Length);
            AssertBothWays(new BranchNet(), Rewrite(plan, node: n => n.Op == "Sum" ? n with { Inputs = n.Inputs.Take(1).ToArray() } : n));
        }

        public static TheoryData<string> GraphModels => new() { nameof(TinyResNet), nameof(NestedStages), nameof(BranchNet), nameof(SequenceConcat), nameof(SharedLinear), nameof(ReusedBlock), nameof(ResNet18) };

        [Theory]
        [MemberData(nameof(GraphModels))]
        public void Weights_are_read_by_their_state_dict_keys_once_each(string name)
        {
            (nn.Module<Tensor, Tensor> model, OnnxGraphPlan plan) = Create(name);
            using (model)
            {
                string[] keys = model.state_dict().Keys.Where(k => !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
                OnnxInitializerPlan[] weights = plan.Initializers.Where(i => i.Sources.Length > 0).ToArray();

                // Each key is read by exactly one initializer, named by the key unless its layout
                // changes (a Linear on a sequence stores Wᵀ as {scope}/weight_t).
                Assert.Equal(keys, weights.SelectMany(w => w.Sources).OrderBy(k => k, StringComparer.Ordinal).ToArray());
                Assert.All(weights.Where(w => !w.Transpose && w.GateOrder.Length == 0), w => Assert.Equal(new[] { w.Name }, w.Sources));
            }
        }

        [Fact]
        public void ResNet18_reads_torchvisions_keys_for_its_blocks_and_projections()
        {
            string[] names = ResNet18.OnnxGraph().Initializers.Select(i => i.Name).ToArray();
            Assert.Contains("layer1.0.conv1.weight", names);
            Assert.Contains("layer1.1.bn2.running_var", names);
            Assert.Contains("layer2.0.downsample.0.weight", names);
            Assert.Contains("layer4.0.downsample.1.running_mean", names);
            Assert.DoesNotContain("layer1.0.downsample.0.weight", names);
            Assert.Equal(3, ResNet18.OnnxGraph().Nodes.Count(n => n.Op == "Conv" && n.Name.EndsWith(".downsample.0", StringComparison.Ordinal)));
            Assert.Equal(8, ResNet18.OnnxGraph().Nodes.Count(n => n.Op == "Add"));
        }

        [Fact]
        public void A_reused_layer_reads_the_same_initializers()
        {
            // Writing the weights twice changes no output, so the initializers are counted.
            OnnxGraphPlan plan = SharedLinear.OnnxGraph();
            Assert.Equal(2, plan.Nodes.Count(n => n.Inputs.Contains("shared.weight")));
            Assert.Equal(4, plan.Initializers.Count(i => i.Sources.Length > 0));
            using var model = new SharedLinear();
            OnnxParity.AssertMatches(model);
        }

        [Fact]
        public void A_reused_layer_with_a_transposed_weight_reads_one_transposed_initializer()
        {
            OnnxGraphPlan plan = SharedSequenceLinear.OnnxGraph();
            OnnxInitializerPlan[] weights = plan.Initializers.Where(i => i.Sources.Length > 0).ToArray();
            Assert.Equal(4, weights.Length);
            Assert.Equal(weights.Length, weights.Select(w => string.Join(",", w.Sources) + w.Transpose).Distinct().Count());
            OnnxInitializerPlan transposed = weights.Single(w => w.Sources.SequenceEqual(new[] { "shared.weight" }));
            Assert.True(transposed.Transpose);
            Assert.Equal(2, plan.Nodes.Count(n => n.Inputs.Contains(transposed.Name)));
            using var model = new SharedSequenceLinear();
            OnnxParity.AssertMatches(model);
        }

        [Fact]
        public void A_reused_block_reads_its_weights_under_the_blocks_name()
        {
            OnnxGraphPlan plan = ReusedBlock.OnnxGraph();
            Assert.Equal(2, plan.Nodes.Count(n => n.Op == "Conv" && n.Inputs.Contains("body.conv.weight")));
            Assert.Equal(new[] { "body/Add", "reuse1/Add" }, plan.Nodes.Where(n => n.Op == "Add").Select(n => n.Name).ToArray());
            using var model = new ReusedBlock();
            OnnxParity.RandomizeBatchNorm(model);
            OnnxParity.AssertMatches(model);
        }

        [Fact]
        public void A_block_with_a_hand_written_forward_keeps_ExportOnnx_out_of_the_model()
        {
            Assert.False(OnnxParity.IsExportable(typeof(UsesHandWrittenBlock)));
            Assert.True(OnnxParity.IsExportable(typeof(TinyResNet)));
        }

        private static (nn.Module<Tensor, Tensor> Model, OnnxGraphPlan Plan) Create(string name) => name switch
        {
            nameof(TinyResNet) => (new TinyResNet(), TinyResNet.OnnxGraph()),
            nameof(NestedStages) => (new NestedStages(), NestedStages.OnnxGraph()),
            nameof(BranchNet) => (new BranchNet(), BranchNet.OnnxGraph()),
            nameof(SequenceConcat) => (new SequenceConcat(), SequenceConcat.OnnxGraph()),
            nameof(SharedLinear) => (new SharedLinear(), SharedLinear.OnnxGraph()),
            nameof(ReusedBlock) => (new ReusedBlock(), ReusedBlock.OnnxGraph()),
            _ => (new ResNet18(), ResNet18.OnnxGraph()),
        };
    }
}

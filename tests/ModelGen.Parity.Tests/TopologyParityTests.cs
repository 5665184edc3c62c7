using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Parity.Tests.Models;
using ModelGen.Samples.Zoo;
using TorchSharp;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>Blocks, residual shortcuts, repeats, branches and named layers: the generated constants against TorchSharp.</summary>
    public sealed partial class TopologyParityTests
    {
        /// <summary>Each model with the output shape and parameter count worked out by hand in its comment.</summary>
        public static TheoryData<Type, long[], long> Models => new()
        {
            { typeof(TinyResNet), new long[] { 10 }, 6_442 },
            { typeof(BranchNet), new long[] { 2 }, 2_530 },
            { typeof(NestedStages), new long[] { 3 }, 5_363 },
            { typeof(SequenceConcat), new long[] { 1 }, 97 },
        };

        [Theory]
        [MemberData(nameof(Models))]
        public void Generated_constants_match_TorchSharp(Type type, long[] outputShape, long parameters)
        {
            using var module = (torch.nn.Module)Activator.CreateInstance(type, new object?[] { null })!;
            var model = (IGeneratedModel)module;
            Assert.Equal(outputShape, model.OutputShape);
            Assert.Equal(parameters, model.ParameterCount);
            ModelParity.AssertMatchesTorch(model);
        }

        [Fact]
        public void Residual_blocks_read_like_torchvision_the_projection_only_where_shapes_differ()
        {
            using var model = new TinyResNet();
            var stage1 = (torch.nn.Module)model.stage1;
            Assert.All(stage1.children().Cast<TinyBasic>(), block => Assert.Null(block.downsample));
            Assert.NotNull(model.stage2.downsample);
            Assert.Equal(
                new[] { "conv1", "bn1", "relu1", "conv2", "bn2", "downsample", "relu2" },
                model.stage2.named_children().Select(child => child.name));
        }

        [Fact]
        public void Block_counts_are_the_sums_of_their_layers()
        {
            LayerInfo stage2 = TinyResNet.LayerTable.Single(layer => layer.Field == "stage2");
            Assert.Equal("Block<TinyBasic>", stage2.Kind);
            Assert.Equal(3_680, stage2.Parameters);

            // Buffers: running mean and variance of the three batch norms (16 channels each).
            Assert.Equal(3 * 2 * 16, stage2.Buffers);
        }

        [Fact]
        public void A_graph_model_has_its_diagram_as_a_constant_with_blocks_as_subgraphs_and_shapes_on_edges()
        {
            string diagram = TinyResNet.Diagram;
            Assert.StartsWith("flowchart TB\n", diagram, StringComparison.Ordinal);
            Assert.Contains("subgraph", diagram, StringComparison.Ordinal);
            Assert.Contains("[\"stage2.downsample · Conv2d(16, Kernel = 1, Stride = 2, Bias = false) + BatchNorm2d\"]", diagram, StringComparison.Ordinal);
            Assert.Contains("-->|\"16×8×8\"|", diagram, StringComparison.Ordinal);
            Assert.Equal(diagram.Split("subgraph").Length - 1, diagram.Split("\n").Count(line => line.Trim() == "end"));

            using var model = new TinyResNet();
            Assert.Same(TinyResNet.Diagram, ((IGeneratedModel)model).Diagram);
            Assert.Contains("```mermaid\n" + TinyResNet.Diagram + "```", model.ToMarkdown(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_stack_draws_its_layer_table_as_a_chain()
        {
            using var model = new SharedLinear();
            Assert.Contains("shared · Linear (again, shared weights)", SharedLinear.Diagram, StringComparison.Ordinal);
            using var zoo = new LeNet5();
            string chain = ((IGeneratedModel)zoo).Diagram;
            Assert.Equal(LeNet5.LayerTable.Count, chain.Split('\n').Count(line => line.Contains("-->", StringComparison.Ordinal)));
        }

        [Fact]
        public void ResNet18_layer_table_and_summary_are_per_block()
        {
            Assert.Equal(
                new[] { "conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool", "flatten1", "fc" },
                ResNet18.LayerTable.Select(layer => layer.Field));
            LayerInfo layer2 = ResNet18.LayerTable.Single(layer => layer.Field == "layer2");
            Assert.Equal("Repeat<BasicBlock>", layer2.Kind);
            Assert.Equal(new long[] { 128, 28, 28 }, layer2.OutputShape);

            // BasicBlock(64 → 128, stride 2): 128·64·9 + 256 + 128·128·9 + 256 + downsample 128·64 + 256;
            // BasicBlock(128 → 128): 2·(128·128·9 + 256).
            Assert.Equal((128 * 64 * 9) + 256 + (128 * 128 * 9) + 256 + (128 * 64) + 256 + (2 * ((128 * 128 * 9) + 256)), layer2.Parameters);
            Assert.Contains("layer2 (Repeat<BasicBlock>)", ResNet18.Summary, StringComparison.Ordinal);
        }

        [Fact]
        public void ResNet18_state_dict_equals_torchvisions_keys_and_shapes()
        {
            using var model = new ResNet18();
            AssertStateDict(ResNet18Keys, model);
        }

        [Fact]
        public void ResNet50_state_dict_equals_torchvisions_keys_and_shapes()
        {
            using var model = new ResNet50();
            AssertStateDict(ResNet50Keys, model);
        }

        private static void AssertStateDict((string Key, long[] Shape)[] expected, torch.nn.Module module)
        {
            Dictionary<string, torch.Tensor> state = module.state_dict();
            Assert.Equal(expected.Select(e => e.Key).OrderBy(k => k, StringComparer.Ordinal), state.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string key, long[] shape) in expected)
            {
                Assert.True(shape.SequenceEqual(state[key].shape), $"{key}: torchvision has ({string.Join(", ", shape)}), ModelGen ({string.Join(", ", state[key].shape)})");
            }
        }
    }
}

namespace ModelGen.Parity.Tests
{
    /// <summary>Shared weights: a layer applied twice counts once, as PyTorch counts it.</summary>
    public sealed class SharedWeightsParityTests
    {
        [Fact]
        public void A_reused_layer_counts_its_parameters_once_and_its_mult_adds_twice()
        {
            using var model = new SharedLinear();
            using IDisposable scope = torch.NewDisposeScope();
            Assert.Equal(56, SharedLinear.ParameterCount);
            Assert.Equal(98, SharedLinear.MultAdds);
            Assert.Equal(SharedLinear.ParameterCount, ModelParity.CountParameters(model));
            Assert.Equal(new[] { "shared", "tanh1", "tanh2", "fc1" }, model.named_children().Select(child => child.name));

            torch.Tensor input = torch.randn(3, 6);
            torch.Tensor expected = model.fc1.forward(model.tanh2.forward(model.shared.forward(model.tanh1.forward(model.shared.forward(input)))));
            Assert.True(expected.allclose(model.forward(input)));
        }
    }
}

namespace ModelGen.Parity.Tests
{
    /// <summary>A hand-written forward: the declared layers are sized, registered and counted at compile time.</summary>
    public sealed class HandWrittenForwardParityTests
    {
        [Fact]
        public void Declared_layers_are_registered_and_counted_and_the_forward_is_the_users()
        {
            using var model = new HandWrittenJoin();
            using IDisposable scope = torch.NewDisposeScope();
            Assert.Equal(27, HandWrittenJoin.ParameterCount);
            Assert.Equal(HandWrittenJoin.ParameterCount, ModelParity.CountParameters(model));
            Assert.Equal(new[] { "a", "squash", "b" }, model.named_children().Select(child => child.name));
            Assert.Equal(new[] { "a", "squash", "b" }, HandWrittenJoin.LayerTable.Select(layer => layer.Field));
            Assert.Equal(new long[] { 5 }, HandWrittenJoin.LayerTable[2].InputShape);
            Assert.Equal(new long[] { 3, 2 }, model.forward(torch.randn(3, 4)).shape);
            Assert.Contains("[/\"Segment(5) 5\"/]", HandWrittenJoin.Diagram, StringComparison.Ordinal);
        }
    }
}

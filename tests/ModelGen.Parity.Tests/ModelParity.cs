using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// Checks a generated model's compile-time constants against what TorchSharp does with the
    /// real module: a forward pass on a random batch, each layer field run on its own, and the
    /// element counts of <c>parameters()</c>.
    /// </summary>
    internal static class ModelParity
    {
        /// <summary>
        /// Asserts that the real output shape, every layer's real input and output shape, and the
        /// real parameter counts (per layer and in total) equal the generated constants, and that
        /// running the layer fields one after another computes what <c>forward</c> computes.
        /// </summary>
        /// <param name="model">A freshly constructed generated model.</param>
        /// <param name="batchSize">The batch size of the random input (more than 1, for batch norm in training mode).</param>
        public static void AssertMatchesTorch(IGeneratedModel model, long batchSize = 3)
        {
            var module = (nn.Module<Tensor, Tensor>)model;
            using IDisposable scope = NewDisposeScope();
            Tensor input = randn(model.InputShape.WithBatch(batchSize));

            // Training mode, as constructed: the shapes must hold where dropout and batch statistics are live.
            Tensor output = module.forward(input);
            Assert.Equal(model.OutputShape.WithBatch(batchSize), output.shape);

            Assert.Equal(model.ParameterCount, CountParameters(module));
            Assert.Equal(model.ParameterCount, model.LayerTable.Sum(layer => layer.Parameters));
            Assert.Equal(model.Costs.Buffers, CountBuffers(module));
            Assert.Equal(model.Costs.Buffers, model.LayerTable.Sum(layer => layer.Buffers));

            // The layers TorchSharp registered are exactly the table's fields, in the table's order.
            Assert.Equal(model.LayerTable.Select(layer => layer.Field), module.named_children().Select(child => child.name));

            Assert.Equal(model.InputShape, model.LayerTable[0].InputShape);
            Assert.Equal(model.OutputShape, model.LayerTable[^1].OutputShape);

            // Evaluation mode makes forward deterministic, so the layer-by-layer chain can be compared by value.
            module.eval();
            Tensor expected = module.forward(input);
            Tensor x = input;
            foreach (LayerInfo layer in model.LayerTable)
            {
                nn.Module<Tensor, Tensor> field = LayerField(module, layer.Field);
                Assert.Equal(layer.InputShape.WithBatch(batchSize), x.shape);
                x = field.forward(x);
                Assert.True(
                    layer.OutputShape.WithBatch(batchSize).SequenceEqual(x.shape),
                    $"{layer.Field} ({layer.Declaration}): generated output shape N×{layer.OutputShape}, TorchSharp produced {TensorShape.Format(x.shape)}");
                Assert.True(
                    layer.Parameters == CountParameters(field),
                    $"{layer.Field} ({layer.Declaration}): generated {layer.Parameters} parameters, TorchSharp counts {CountParameters(field)}");
                Assert.True(
                    layer.Buffers == CountBuffers(field),
                    $"{layer.Field} ({layer.Declaration}): generated {layer.Buffers} buffer scalars, TorchSharp counts {CountBuffers(field)}");
            }

            Assert.True(expected.allclose(x, rtol: 1e-5, atol: 1e-6), "forward differs from running the layer fields in table order");
            module.train();
        }

        /// <summary>The number of trainable scalars TorchSharp reports: the element counts of <c>parameters()</c>.</summary>
        public static long CountParameters(nn.Module module) => module.parameters().Sum(parameter => parameter.numel());

        /// <summary>The float buffer scalars TorchSharp keeps (running statistics; integer step counters excluded, as torchinfo does).</summary>
        public static long CountBuffers(nn.Module module) =>
            module.buffers().Where(buffer => buffer.is_floating_point()).Sum(buffer => buffer.numel());

        /// <summary>The state_dict keys of a module, sorted ordinally.</summary>
        public static string[] StateDictKeys(nn.Module module) =>
            module.state_dict().Keys.OrderBy(key => key, StringComparer.Ordinal).ToArray();

        /// <summary>Reads a layer field of a generated model by name.</summary>
        public static nn.Module<Tensor, Tensor> LayerField(object model, string name)
        {
            FieldInfo? field = model.GetType().GetField(name, BindingFlags.Instance | BindingFlags.Public);
            Assert.True(field is not null, $"{model.GetType().Name} has no public field {name}");
            return Assert.IsAssignableFrom<nn.Module<Tensor, Tensor>>(field!.GetValue(model));
        }
    }
}

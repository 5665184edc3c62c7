using System;
using System.Linq;
using System.Reflection;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// <see cref="ModelParity"/> for sequence models: token-id inputs and symbolic lengths. The
    /// recurrent and attention fields return tuples rather than one tensor, so layers are checked
    /// by their counts and the model by its output; the per-kind models are single layers, so
    /// their output shape is the layer's.
    /// </summary>
    internal static class SequenceParity
    {
        /// <param name="model">A freshly constructed generated model.</param>
        /// <param name="vocabulary">For token-id models, the vocabulary size (random ids below it); 0 for float input.</param>
        /// <param name="lengths">The lengths to run a symbolic-length model at.</param>
        public static void AssertMatchesTorch(IGeneratedModel model, long vocabulary = 0, params long[] lengths)
        {
            var module = (nn.Module<Tensor, Tensor>)model;
            bool symbolic = Enumerable.Range(0, model.InputShape.Count).Any(model.InputShape.IsAnyLength);
            Assert.Equal(symbolic, lengths.Length > 0);
            foreach (long length in symbolic ? lengths : new long[] { 0 })
            {
                using IDisposable scope = NewDisposeScope();
                long[] batched = new long[] { 3 }.Concat(model.InputShape.WithLength(length)).ToArray();
                Tensor input = vocabulary > 0 ? randint(vocabulary, batched, dtype: ScalarType.Int64) : randn(batched);
                Tensor output = module.forward(input);
                Assert.Equal(new long[] { 3 }.Concat(model.OutputShape.WithLength(length)), output.shape);
                module.eval();
                Assert.Equal(new long[] { 3 }.Concat(model.OutputShape.WithLength(length)), module.forward(input).shape);
                module.train();
            }

            Assert.Equal(model.ParameterCount, ModelParity.CountParameters(module));
            Assert.Equal(model.ParameterCount, model.LayerTable.Sum(layer => layer.Parameters));
            Assert.Equal(model.Costs.Buffers, ModelParity.CountBuffers(module));
            Assert.Equal(model.LayerTable.Select(layer => layer.Field), module.named_children().Select(child => child.name));
            Assert.Equal(model.InputShape, model.LayerTable[0].InputShape);
            Assert.Equal(model.OutputShape, model.LayerTable[^1].OutputShape);
            foreach (LayerInfo layer in model.LayerTable)
            {
                nn.Module field = Field(module, layer.Field);
                Assert.True(
                    layer.Parameters == ModelParity.CountParameters(field),
                    $"{layer.Field} ({layer.Declaration}): generated {layer.Parameters} parameters, TorchSharp counts {ModelParity.CountParameters(field)}");
                Assert.Equal(layer.Buffers, ModelParity.CountBuffers(field));
            }
        }

        /// <summary>Reads a layer field of a generated model by name, whatever its module type.</summary>
        public static nn.Module Field(object model, string name)
        {
            FieldInfo? field = model.GetType().GetField(name, BindingFlags.Instance | BindingFlags.Public);
            Assert.True(field is not null, $"{model.GetType().Name} has no public field {name}");
            return Assert.IsAssignableFrom<nn.Module>(field!.GetValue(model));
        }
    }
}

namespace ModelGen.Domain
{
    /// <summary>
    /// Compile-time memory estimates, following torchinfo so the numbers can be compared with its
    /// published outputs. Every tensor is float32.
    /// </summary>
    internal static class MemoryRules
    {
        /// <summary>The size of a float32.</summary>
        public const long FloatBytes = 4;

        /// <summary>
        /// torchinfo's "forward/backward pass size" for one sample: the output of every layer that
        /// owns parameters, twice (once kept by the forward, once for its gradient).
        /// </summary>
        public static long ForwardBackwardBytes(ModelPlan plan)
        {
            return LayersBytes(plan.Layers);
        }

        /// <summary>The same over a list of layers; a block use or branches count the layers inside them.</summary>
        private static long LayersBytes(System.Collections.Generic.IEnumerable<LayerPlan> layers)
        {
            long total = 0;
            foreach (LayerPlan layer in layers)
            {
                if (layer.Topology is TopologyPlan topology)
                {
                    foreach (BlockPlan block in topology.Blocks)
                    {
                        total = Numbers.SaturatingSum(total, LayersBytes(block.Body), LayersBytes(block.Projection));
                    }
                }
                else if (layer.Counts.Parameters > 0)
                {
                    total = Numbers.SaturatingSum(total, Numbers.SaturatingProduct(2, Shape.Elements(layer.OutputShape), FloatBytes));
                }
            }

            return total;
        }

        /// <summary>
        /// A training estimate for one step at <paramref name="batchSize"/>: parameters, their
        /// gradients and <paramref name="optimizerStateCopies"/> optimizer tensors of the same size
        /// (0 for plain SGD, 1 for momentum, RMSprop or Adagrad, 2 for Adam and its kin), buffers,
        /// and the forward/backward activations of the whole batch.
        /// </summary>
        public static long TrainingBytes(ModelPlan plan, long batchSize, long optimizerStateCopies) =>
            Numbers.SaturatingSum(
                Numbers.SaturatingProduct(plan.ParameterBytes, 2 + optimizerStateCopies),
                plan.BufferBytes,
                Numbers.SaturatingProduct(plan.ForwardBackwardBytes, batchSize));
    }
}

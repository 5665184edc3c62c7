using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// What the backward rules of the graph steps share: whether a block instance can be gone
    /// through by generated code, and how a step's code reaches an instance's module.
    /// </summary>
    internal static class GraphBackward
    {
        /// <summary>
        /// The layer that keeps <paramref name="block"/> from a generated backward: the first of its
        /// layers (or of its projection shortcut) without a rule, the use itself when the block's
        /// forward is hand-written (the generated backward cannot follow it), or null.
        /// </summary>
        public static LayerPlan? Blocker(BlockPlan block, LayerPlan use)
        {
            if (block.Block.HandWrittenForward)
            {
                return use;
            }

            foreach (LayerPlan layer in block.Body)
            {
                if (layer.Entry.BackwardBlocker(layer) is LayerPlan blocker)
                {
                    return blocker;
                }
            }

            foreach (LayerPlan layer in block.Projection)
            {
                if (layer.Entry.BackwardBlocker(layer) is LayerPlan blocker)
                {
                    return blocker;
                }
            }

            return null;
        }

        /// <summary>The first reason, among the layers of a use's or branches' blocks, to train with autograd by default, or null.</summary>
        public static string? FasterWithAutograd(LayerPlan use)
        {
            if (use.Topology is not TopologyPlan topology)
            {
                return null;
            }

            foreach (BlockPlan block in topology.Blocks)
            {
                foreach (LayerPlan layer in block.Body.Concat(block.Projection))
                {
                    if (layer.Entry.FasterWithAutograd(layer) is string reason)
                    {
                        return reason;
                    }
                }
            }

            return null;
        }

        /// <summary>The first blocker among the blocks of a use or branches, or null (the step itself when inference left no plans).</summary>
        public static LayerPlan? Blocker(LayerPlan use)
        {
            if (use.Topology is not TopologyPlan topology || topology.Blocks.Count == 0)
            {
                return use;
            }

            foreach (BlockPlan block in topology.Blocks)
            {
                if (Blocker(block, use) is LayerPlan blocker)
                {
                    return blocker;
                }
            }

            return null;
        }

        /// <summary>
        /// The instance at <paramref name="index"/> of a container field (a <c>Sequential</c> of
        /// repeats, the branches), cast to its block's generated class: <c>(global::Zoo.BasicBlock)layer1[0]</c>.
        /// </summary>
        public static string Instance(string field, BlockSpec block, int index) =>
            $"({block.TypeName}){field}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
    }
}

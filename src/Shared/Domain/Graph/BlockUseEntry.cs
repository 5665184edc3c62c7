using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// A use of a block as one layer of a model or block: <c>[Block&lt;BasicBlock&gt;(Width = 64)]</c>
    /// (a field of the block's generated class) or <c>[Repeat&lt;BasicBlock&gt;(2, Width = 64)]</c> (a
    /// <c>Sequential</c> of them). Not in <see cref="LayerCatalog"/>: the reader builds its spec
    /// from the block class, and its shape rule runs the block's layers through their entries.
    /// Its counts are the sums of theirs.
    /// </summary>
    internal sealed partial class BlockUseEntry : LayerEntry
    {
        public static readonly BlockUseEntry Instance = new();

        private BlockUseEntry()
        {
        }

        public override string Name => "Block";

        public override string FieldPrefix => "block";

        public override string Signature => "Block<TBlock>(Width = …, Stride = …, Name = …), Repeat<TBlock>(count, …)";

        public override string ShapeRule => "the block's layers in order, the residual sum at [Shortcut]";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        public override LayerSpec Read(DeclaredArguments args) =>
            throw new System.InvalidOperationException("A block use is read from its block class by ModelSpecReader.");

        public override IEnumerable<string> Check(LayerSpec spec)
        {
            if (((BlockUseSpec)spec).Error is string error)
            {
                yield return error;
            }
        }

        public override LayerOutcome? Infer(LayerSpec spec, LayerContext context)
        {
            var use = (BlockUseSpec)spec;
            if (use.Missing.Count > 0)
            {
                string names = string.Join(" and ", use.Missing);
                return context.Fail(ProblemKind.MissingBlockParameter,
                    $"{use.Display} does not give {names}, which the layers of {use.BlockName} take (Block.{use.Missing[0]}); add {string.Join(", ", use.Missing.Select(name => name + " = …"))} to the use");
            }

            if (use.Unused.Count > 0)
            {
                context.Report(ProblemKind.UnusedBlockParameter,
                    $"{use.Display} gives {string.Join(" and ", use.Unused)}, but no layer of {use.BlockName} takes Block.{use.Unused[0]}; remove it from the use or write Block.{use.Unused[0]} where the block should take it");
            }

            var plans = new List<BlockPlan>();
            EquatableArray<int> shape = context.Input;
            bool channelsFirst = context.ChannelsFirst;
            LayerCounts counts = LayerCounts.None;
            for (int i = 0; i < use.Instances.Count; i++)
            {
                string where = use.Repeated ? $"{use.Display}, repetition {i + 1} of {use.Instances.Count}" : use.Display;
                BlockPlan? plan = BlockInference.Infer(use.Instances[i], where, context.With(shape, channelsFirst));
                if (plan is null)
                {
                    return null;
                }

                plans.Add(plan);
                counts = BlockInference.Add(counts, BlockInference.Counts(plan));
                shape = plan.OutputShape;
                channelsFirst = plan.Body.Count == 0 ? channelsFirst : plan.Body[plan.Body.Count - 1].ChannelsFirst;
            }

            return new LayerOutcome(shape, counts, 0, channelsFirst) { Topology = new TopologyPlan(new EquatableArray<BlockPlan>(plans)) };
        }

        public override string FieldType(LayerPlan layer)
        {
            var use = (BlockUseSpec)layer.Spec;
            return use.Repeated ? $"{CSharp.Modules}.Sequential" : use.Instances[0].TypeName;
        }

        public override string Factory(LayerPlan layer)
        {
            var use = (BlockUseSpec)layer.Spec;
            var instances = layer.Topology!.Blocks.Select(GraphCode.New).ToList();
            return use.Repeated ? GraphCode.Call($"{CSharp.Nn}.Sequential", instances) : instances.Single();
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// The backward of a block use: each instance has its own training forward and backward in the
    /// model's file (<see cref="BackwardScope"/>), and the use calls them in order, then in reverse.
    /// </summary>
    internal sealed partial class BlockUseEntry
    {
        public override bool HasBackward(LayerPlan layer) => BackwardBlocker(layer) is null;

        public override LayerPlan? BackwardBlocker(LayerPlan layer) => GraphBackward.Blocker(layer);

        public override string? FasterWithAutograd(LayerPlan layer) => GraphBackward.FasterWithAutograd(layer);

        /// <summary>This step is its own blocker only when a block in it writes its forward by hand.</summary>
        public override string NoBackwardReason(LayerPlan layer, string where) =>
            $"{layer.Spec.Display}{where} goes through a block whose forward is hand-written, which the generated backward cannot follow";

        public override IEnumerable<TapeField> TapeFields(LayerPlan layer, BackwardNames names)
        {
            EquatableArray<BlockPlan> blocks = layer.Topology!.Blocks;
            for (int k = 0; k < blocks.Count; k++)
            {
                BackwardScope scope = names.Scopes.Of(blocks[k], NeedsInputGradient(k, names));
                yield return new TapeField(scope.Tape, names.SavedField(Saved(k)), "new()");
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            EquatableArray<BlockPlan> blocks = layer.Topology!.Blocks;
            for (int k = 0; k < blocks.Count; k++)
            {
                names.Scopes.Of(blocks[k], NeedsInputGradient(k, names));
                yield return $"{names.Output} = TrainingForward({InstanceModule(layer, names, k)}, {names.Saved(Saved(k))}, {(k == 0 ? names.Input : names.Output)});";
            }
        }

        public override string BackwardFormula(LayerPlan layer) => ((BlockUseSpec)layer.Spec).Repeated
            ? "through each block's Backward, the last first"
            : "through the block's Backward";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            EquatableArray<BlockPlan> blocks = layer.Topology!.Blocks;
            for (int k = blocks.Count - 1; k >= 0; k--)
            {
                string call = $"Backward({InstanceModule(layer, names, k)}, {names.Saved(Saved(k))}, {names.Grad})";
                yield return NeedsInputGradient(k, names) ? $"{names.Grad} = {call};" : $"{call};";
            }
        }

        private static string Saved(int k) => $"block{k.ToString(System.Globalization.CultureInfo.InvariantCulture)}_";

        /// <summary>Every instance after the first takes the previous one's output; the first, the use's input.</summary>
        private static bool NeedsInputGradient(int k, BackwardNames names) => k > 0 || names.NeedsInputGradient;

        private static string InstanceModule(LayerPlan layer, BackwardNames names, int k)
        {
            var use = (BlockUseSpec)layer.Spec;
            return use.Repeated ? GraphBackward.Instance(names.Field, use.Instances[k], k) : names.Field;
        }
    }
}

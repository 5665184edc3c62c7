using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The backward of branches: every branch received the same input, so their input gradients
    /// (and δ itself for an included input) add; a concatenation first splits δ along the join
    /// dimension into each term's part, a sum gives each branch the whole of δ.
    /// </summary>
    internal sealed partial class BranchesEntry
    {
        public override bool HasBackward(LayerPlan layer) => BackwardBlocker(layer) is null;

        public override LayerPlan? BackwardBlocker(LayerPlan layer) => GraphBackward.Blocker(layer);

        public override string? FasterWithAutograd(LayerPlan layer) => GraphBackward.FasterWithAutograd(layer);

        /// <summary>This step is its own blocker only when a block in it writes its forward by hand.</summary>
        public override string NoBackwardReason(LayerPlan layer, string where) =>
            $"{layer.Spec.Display}{where} goes through a block whose forward is hand-written, which the generated backward cannot follow";

        public override IEnumerable<TapeField> TapeFields(LayerPlan layer, BackwardNames names)
        {
            EquatableArray<BlockPlan> branches = layer.Topology!.Blocks;
            for (int k = 0; k < branches.Count; k++)
            {
                yield return new TapeField(names.Scopes.Of(branches[k], names.NeedsInputGradient).Tape, names.SavedField(Saved(k)), "new()");
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (BranchesSpec)layer.Spec;
            TopologyPlan topology = layer.Topology!;
            var terms = new List<string>();
            if (spec.IncludeInput)
            {
                terms.Add(names.Input);
            }

            for (int k = 0; k < topology.Blocks.Count; k++)
            {
                names.Scopes.Of(topology.Blocks[k], names.NeedsInputGradient);
                terms.Add($"TrainingForward({Branch(names, topology.Blocks[k], k)}, {names.Saved(Saved(k))}, {names.Input})");
            }

            yield return Concatenates
                ? $"{names.Output} = global::TorchSharp.torch.cat(new[] {{ {string.Join(", ", terms)} }}, {Literal(topology.JoinDimension)}L);"
                : $"{names.Output} = {terms[0]}{string.Concat(terms.Skip(1).Select(term => $".add({term})"))};";
        }

        public override string BackwardFormula(LayerPlan layer)
        {
            string input = ((BranchesSpec)layer.Spec).IncludeInput ? " (and the input's part of δ)" : string.Empty;
            return Concatenates
                ? $"δ split along dimension {Literal(layer.Topology!.JoinDimension)} into each term's part; the branches' input gradients{input} add"
                : $"each branch takes δ; their input gradients{(input.Length > 0 ? " (and δ itself)" : string.Empty)} add";
        }

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (BranchesSpec)layer.Spec;
            TopologyPlan topology = layer.Topology!;
            string g = names.Grad;
            var parts = new List<string>();
            if (Concatenates)
            {
                int join = topology.JoinDimension == 1 ? 0 : layer.OutputShape.Count - 1;
                var sizes = new List<int>();
                if (spec.IncludeInput)
                {
                    sizes.Add(layer.InputShape[join]);
                }

                sizes.AddRange(topology.Blocks.Select(block => block.OutputShape[join]));
                string split = $"parts{Literal(names.Index)}";
                yield return $"var {split} = {g}.split(new long[] {{ {string.Join(", ", sizes.Select(Literal))} }}, {Literal(topology.JoinDimension)}L);";
                parts.AddRange(sizes.Select((_, i) => $"{split}[{Literal(i)}]"));
            }
            else
            {
                parts.AddRange(Enumerable.Repeat(g, topology.Blocks.Count + (spec.IncludeInput ? 1 : 0)));
            }

            int first = spec.IncludeInput ? 1 : 0;
            var calls = topology.Blocks.Select((block, k) => $"Backward({Branch(names, block, k)}, {names.Saved(Saved(k))}, {parts[first + k]})").ToList();
            if (!names.NeedsInputGradient)
            {
                foreach (string call in calls)
                {
                    yield return call + ";";
                }

                yield break;
            }

            var terms = new List<string>();
            if (spec.IncludeInput)
            {
                terms.Add(parts[0]);
            }

            terms.AddRange(calls);
            yield return $"{g} = {terms[0]}{string.Concat(terms.Skip(1).Select(term => $".add({term})"))};";
        }

        private static string Saved(int k) => $"branch{Literal(k)}_";

        private static string Branch(BackwardNames names, BlockPlan block, int k) => GraphBackward.Instance(names.Field, block.Block, k);

        private static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// Blocks applied to the same input, joined by concatenation along the channels (Inception,
    /// DenseNet, U-Net skips) or by sum: <c>[Concat&lt;Branch1x1, Branch3x3&gt;]</c>. The join
    /// dimension is the first of a channel-first map or a vector, the last (features) of an L×F
    /// sequence; every other dimension must agree. Counts are the sums of the branches'.
    /// </summary>
    internal sealed partial class BranchesEntry : LayerEntry
    {
        public static readonly BranchesEntry Concat = new(concatenate: true);
        public static readonly BranchesEntry Sum = new(concatenate: false);

        private BranchesEntry(bool concatenate) => Concatenates = concatenate;

        /// <summary>Whether the outputs are concatenated (rather than added).</summary>
        public bool Concatenates { get; }

        public override string Name => Concatenates ? "Concat" : "Sum";

        public override string FieldPrefix => Concatenates ? "concat" : "sum";

        public override string Signature => $"{Name}<T1, T2, …>(IncludeInput = false, Name = …)";

        public override string Module => "ModelGen.Layers.Branches";

        public override string ShapeRule => Concatenates ? "branch outputs concatenated along the channels (the features of an L×F sequence)" : "branch outputs added; all shapes equal";

        public override bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => true;

        public override LayerSpec Read(DeclaredArguments args) =>
            throw new System.InvalidOperationException("Branches are read from their block classes by ModelSpecReader.");

        public override IEnumerable<string> Check(LayerSpec spec)
        {
            if (((BranchesSpec)spec).Error is string error)
            {
                yield return error;
            }
        }

        public override LayerOutcome? Infer(LayerSpec spec, LayerContext context)
        {
            var branches = (BranchesSpec)spec;
            var plans = new List<BlockPlan>();
            LayerCounts counts = LayerCounts.None;
            foreach (BlockSpec branch in branches.Branches)
            {
                BlockPlan? plan = BlockInference.Infer(branch, $"{branches.Display}, branch {branch.Name}", context.With(context.Input, context.ChannelsFirst));
                if (plan is null)
                {
                    return null;
                }

                plans.Add(plan);
                counts = BlockInference.Add(counts, BlockInference.Counts(plan));
            }

            var terms = new List<(string Source, EquatableArray<int> Shape)>();
            if (branches.IncludeInput)
            {
                terms.Add(("the input", context.Input));
            }

            terms.AddRange(plans.Select(plan => ($"branch {plan.Block.Name}", plan.OutputShape)));
            if (terms.Count == 0)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{branches.Display} joins nothing; give it at least one branch");
            }

            EquatableArray<int> first = terms[0].Shape;
            int join = context.ChannelsFirst || first.Count == 1 ? 0 : first.Count - 1;
            long joined = 0;
            foreach ((string source, EquatableArray<int> shape) in terms)
            {
                bool agrees = shape.Count == first.Count;
                for (int d = 0; d < first.Count && agrees; d++)
                {
                    agrees = shape[d] == first[d] || (Concatenates && d == join);
                }

                if (!agrees)
                {
                    string rule = Concatenates
                        ? $"concatenation along dimension {join + 1} needs every other dimension equal"
                        : "a sum needs equal shapes";
                    return context.Fail(ProblemKind.BranchMismatch,
                        $"{branches.Display}: {terms[0].Source} is {context.Format(first)} but {source} is {context.Format(shape)}, and {rule}; make the branches agree (same strides and padding keep the spatial sizes equal)");
                }

                joined = Numbers.SaturatingSum(joined, shape.Count == 0 ? 0 : shape[join]);
            }

            int[] output = first.ToArray();
            if (Concatenates && output.Length > 0)
            {
                if (joined > int.MaxValue || output[join] == Shape.Symbolic)
                {
                    return context.Fail(ProblemKind.BranchMismatch, $"{branches.Display}: the joined dimension {join + 1} cannot be concatenated ({context.Format(first)}); concatenate along a dimension of known size below 2³¹");
                }

                output[join] = (int)joined;
            }

            int batched = join == 0 ? 1 : -1;
            return new LayerOutcome(new EquatableArray<int>(output), counts, 0, context.ChannelsFirst)
            {
                Topology = new TopologyPlan(new EquatableArray<BlockPlan>(plans), batched),
            };
        }

        public override string FieldType(LayerPlan layer) => "global::ModelGen.Layers.Branches";

        public override string Factory(LayerPlan layer)
        {
            var branches = (BranchesSpec)layer.Spec;
            TopologyPlan topology = layer.Topology!;
            IEnumerable<string> arguments = new[]
            {
                $"concatenate: {CSharp.Literal(Concatenates)}",
                $"dimension: {CSharp.Literal(topology.JoinDimension)}",
                $"includeInput: {CSharp.Literal(branches.IncludeInput)}",
            }.Concat(topology.Blocks.Select(GraphCode.New));

            return GraphCode.Call("new global::ModelGen.Layers.Branches", arguments.ToList());
        }
    }
}

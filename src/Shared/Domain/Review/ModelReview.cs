using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Reviews a model that compiles for the mistakes the course notes warn about: it runs, but
    /// trains badly or not at all. Pure (no Roslyn) and written against the catalog's traits and
    /// <see cref="LayerEntry"/> members, never a kind's name, so a new kind is covered by setting
    /// its traits. Runs only on a plan without errors; one file per group of rules.
    /// </summary>
    internal static partial class ModelReview
    {
        public static IReadOnlyList<ReviewFinding> Review(ModelPlan plan)
        {
            var findings = new List<ReviewFinding>();
            if (plan.HasErrors || plan.Layers.Count != plan.Spec.Layers.Count || plan.Layers.Count == 0)
            {
                return findings;
            }

            // A hand-written forward decides how the declared layers connect, so the rules that read
            // the declaration order as the data flow (what follows what, which layer is the output)
            // do not apply; those about one layer, the optimizer and the memory still do.
            if (plan.Spec.HandWrittenForward)
            {
                EvenKernelPadding(plan, findings);
            }
            else
            {
                ReviewLoss(plan, findings);
                ReviewLayers(plan, findings);
                ReviewDropout(plan, findings);
            }

            ReviewOptimizer(plan, findings);
            ReviewMemory(plan, findings);
            return findings;
        }

        /// <summary>The index of the output layer: the last one, not counting layers that only reshape (Flatten); -1 for none.</summary>
        internal static int OutputLayer(ModelPlan plan)
        {
            for (int i = plan.Layers.Count - 1; i >= 0; i--)
            {
                if (!plan.Layers[i].Entry.Has(LayerTraits.Reshapes))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Display(ModelPlan plan, int index) => plan.Layers[index].Spec.Display;
    }
}

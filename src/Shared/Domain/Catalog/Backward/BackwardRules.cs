namespace ModelGen.Domain
{
    /// <summary>Whether a model trains with the generated backward, and what prevents it.</summary>
    internal static class BackwardRules
    {
        /// <summary>The runtime's gradient helpers, for generated code.</summary>
        public const string Gradients = "global::ModelGen.Training.Gradients";

        /// <summary>
        /// The first layer whose kind has no backward rule (inside a block or branch: the layer there,
        /// or the block use when the block's forward is hand-written), or null when every layer has one.
        /// </summary>
        public static LayerPlan? Blocker(ModelPlan plan)
        {
            foreach (LayerPlan layer in plan.Layers)
            {
                if (layer.Entry.BackwardBlocker(layer) is LayerPlan blocker)
                {
                    return blocker;
                }
            }

            return null;
        }

        /// <summary>
        /// The first layer's reason (blocks and branches included) why libtorch's backward is faster than
        /// the generated one for this model, or null: then the generated backward is the default.
        /// </summary>
        public static string? FasterWithAutograd(ModelPlan plan)
        {
            for (int i = 0; i < plan.Layers.Count; i++)
            {
                LayerPlan layer = plan.Layers[i];
                if (layer.Entry.FasterWithAutograd(layer, ReadsLookup(plan, i)) is string reason)
                {
                    return reason;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the model's layer <paramref name="index"/> reads the lookup before it: the layer before
        /// has a <see cref="LayerEntry.LookupTable"/> (an Embedding) and this one <see cref="LayerEntry.TakesLookup"/>.
        /// </summary>
        public static bool ReadsLookup(ModelPlan plan, int index)
        {
            if (index <= 0 || index >= plan.Layers.Count)
            {
                return false;
            }

            LayerPlan lookup = plan.Layers[index - 1], layer = plan.Layers[index];
            return lookup.Entry.LookupTable(lookup) is not null && layer.Entry.TakesLookup(layer);
        }

        /// <summary>Whether the generated training step can use the generated backward: a trainable model, not hand-written, whose every layer (blocks and branches included) has a rule.</summary>
        public static bool CanGenerate(ModelPlan plan) => plan.HasTraining && !plan.Spec.HandWrittenForward && plan.Layers.Count > 0 && Blocker(plan) is null;

        /// <summary>
        /// The informational problem of a trainable model that falls back to autograd without asking
        /// for it: the first layer whose kind has no rule; null when there is none.
        /// </summary>
        public static ModelProblem? AutogradProblem(ModelPlan plan)
        {
            if (!plan.HasTraining || plan.Spec.Autograd || plan.HasErrors)
            {
                return null;
            }

            if (plan.Spec.HandWrittenForward)
            {
                return new ModelProblem(ProblemKind.AutogradBackward, ProblemTarget.Model, -1,
                    $"{plan.Spec.Name} trains with autograd: its forward is hand-written, so the generated backward cannot follow it; set [Model(..., Autograd = true)] to make that the declared choice");
            }

            for (int i = 0; i < plan.Layers.Count; i++)
            {
                LayerPlan layer = plan.Layers[i];
                if (layer.Entry.BackwardBlocker(layer) is LayerPlan blocker)
                {
                    string where = ReferenceEquals(blocker, layer) ? string.Empty : $" (in {layer.Spec.Display})";
                    return new ModelProblem(ProblemKind.AutogradBackward, ProblemTarget.Layer, i,
                        $"{plan.Spec.Name} trains with autograd: {blocker.Entry.NoBackwardReason(blocker, where)}, so TrainStep records an autograd graph; set [Model(..., Autograd = true)] to make that the declared choice");
                }
            }

            return null;
        }

        /// <summary>The ∂L/∂ŷ formula of the loss, for the comment in the generated code.</summary>
        public static string LossFormula(LossSpec loss)
        {
            string m = loss.Reduction == LossReductionSpec.Sum ? string.Empty : "/m";
            string n = loss.Reduction == LossReductionSpec.Sum ? string.Empty : "/N";
            return loss.Kind switch
            {
                LossKindSpec.MSE => $"∂L/∂ŷ = 2(ŷ − t){m}",
                LossKindSpec.MAE => $"∂L/∂ŷ = sign(ŷ − t){m}",
                LossKindSpec.Huber => $"∂L/∂ŷ = clamp(ŷ − t, −δ, δ){m}",
                LossKindSpec.BCE => $"∂L/∂ŷ = (ŷ − t)/(ŷ(1 − ŷ)){m}",
                LossKindSpec.BCEWithLogits => $"∂L/∂ŷ = (σ(ŷ) − t){m}",
                LossKindSpec.CrossEntropy => $"∂L/∂ŷ = Σc·softmax(ŷ) − c, c = {(loss.ClassWeights.Count > 0 ? "w·" : string.Empty)}({(loss.LabelSmoothing != 0 ? "(1 − ε)·onehot(t) + ε/K" : "onehot(t)")}){(loss.Reduction == LossReductionSpec.Sum ? string.Empty : loss.ClassWeights.Count > 0 ? "/Σw_t" : "/N")}",
                LossKindSpec.NLL => $"∂L/∂ŷ = −{(loss.ClassWeights.Count > 0 ? "w·" : string.Empty)}onehot(t){(loss.Reduction == LossReductionSpec.Sum ? string.Empty : loss.ClassWeights.Count > 0 ? "/Σw_t" : "/N")}",
                LossKindSpec.KLDivergence => $"∂L/∂ŷ = −t{n}",
                _ => "∂L/∂ŷ",
            };
        }
    }
}

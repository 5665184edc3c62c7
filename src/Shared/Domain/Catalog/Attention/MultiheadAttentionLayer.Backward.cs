using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Self-attention's backward: the input and output projections by the Linear rule, the
    /// per-head scaled dot product and its softmax written out in the runtime
    /// (<c>Gradients.AttentionForward</c>/<c>AttentionBackward</c>), which computes the forward as
    /// libtorch's <c>multi_head_attention_forward</c> does and draws the dropout mask on the attention
    /// weights where libtorch draws it, so training-mode dropout is replayed exactly.
    /// </summary>
    internal sealed partial class MultiheadAttentionLayer
    {
        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "attention" };

        public override string SavedType(LayerPlan layer, string name) => "global::ModelGen.Training.AttentionTape";

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            yield return $"{names.Output} = {BackwardRules.Gradients}.AttentionForward({names.Field}, {names.Input}, heads: {spec.NumHeads}, dropout: {CSharp.Literal(spec.Dropout)}, training, out {names.Saved("attention")});";
        }

        public override string BackwardFormula(LayerPlan layer) =>
            "[Q K V] = x·W_inᵀ + b_in, A = softmax(Q·Kᵀ/√d) per head (⊙ dropout mask m), O = A·V, y = O·W_outᵀ + b_out; " +
            "∂W_out = δᵀ·O, δO = δ·W_out, ∂V = (A⊙m)ᵀ·δO, ∂A = δO·Vᵀ⊙m, ∂S = A ⊙ (∂A − rowsum(∂A ⊙ A)), ∂Q = ∂S·K/√d, ∂K = ∂Sᵀ·Q/√d, " +
            "∂W_in = [∂Q ∂K ∂V]ᵀ·x, δ ← [∂Q ∂K ∂V]·W_in";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            string call = $"{BackwardRules.Gradients}.AttentionBackward({names.Saved("attention")}, {names.Grad}, inputGradient: {CSharp.Literal(names.NeedsInputGradient)})";
            yield return names.NeedsInputGradient ? $"{names.Grad} = {call}!;" : $"{call};";
        }
    }
}

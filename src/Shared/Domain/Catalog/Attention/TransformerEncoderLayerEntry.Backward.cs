using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// The encoder layer's backward, post-norm or pre-norm, ReLU or GELU: its residual sums send δ
    /// both ways, its LayerNorms, Linears, dropouts and attention each by their own rule. The
    /// runtime (<c>Gradients.TransformerForward</c>/<c>TransformerBackward</c>) runs the steps in the
    /// order of <c>ModelGen.Layers.TransformerEncoderLayer.forward</c>, so its four dropout masks
    /// are libtorch's.
    /// </summary>
    internal sealed partial class TransformerEncoderLayerEntry
    {
        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "encoder" };

        public override string SavedType(LayerPlan layer, string name) => "global::ModelGen.Training.TransformerTape";

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            yield return $"{names.Output} = {BackwardRules.Gradients}.TransformerForward({names.Field}, {names.Input}, training, out {names.Saved("encoder")});";
        }

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).NormFirst
            ? "pre-norm y = x₁ + FF(LN₂(x₁)), x₁ = x + SA(LN₁(x)): δx₁ = δ + LN₂′(FF′(δ)), δ ← δx₁ + LN₁′(SA′(δx₁)); FF, SA, LN and dropout by their rules"
            : "post-norm y = LN₂(x₁ + FF(x₁)), x₁ = LN₁(x + SA(x)): δs₂ = LN₂′(δ), δx₁ = δs₂ + FF′(δs₂), δs₁ = LN₁′(δx₁), δ ← δs₁ + SA′(δs₁); FF, SA, LN and dropout by their rules";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            string call = $"{BackwardRules.Gradients}.TransformerBackward({names.Saved("encoder")}, {names.Grad}, inputGradient: {CSharp.Literal(names.NeedsInputGradient)})";
            yield return names.NeedsInputGradient ? $"{names.Grad} = {call}!;" : $"{call};";
        }
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The backward of a layer applied again: the reused layer's own rule on this application's
    /// input and output, writing the reused layer's parameters. The backward reaches this
    /// application first (it is later in the forward), so the reused layer's own step, reached
    /// second, adds its gradients to these: a shared weight's gradient is the sum over its uses.
    /// </summary>
    internal sealed partial class ReuseEntry
    {
        public override bool HasBackward(LayerPlan layer) => Target(layer) is LayerPlan target && target.Entry.HasBackward(target);

        public override LayerPlan? BackwardBlocker(LayerPlan layer) => Target(layer) is LayerPlan target ? target.Entry.BackwardBlocker(target) : layer;

        public override string? FasterWithAutograd(LayerPlan layer) => Target(layer) is LayerPlan target ? target.Entry.FasterWithAutograd(target) : null;

        public override string ParameterField(LayerPlan layer) => layer.Topology?.Reused?.FieldName ?? ((ReuseSpec)layer.Spec).Layer;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => Target(layer) is LayerPlan target ? target.Entry.SavedForBackward(target) : Enumerable.Empty<string>();

        public override string SavedType(LayerPlan layer, string name) => Target(layer)!.Entry.SavedType(Target(layer)!, name);

        public override IEnumerable<TapeField> TapeFields(LayerPlan layer, BackwardNames names) => Applied(layer, names).Entry.TapeFields(Applied(layer, names), names);

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names) => Applied(layer, names).Entry.TrainingForward(Applied(layer, names), names);

        public override string BackwardFormula(LayerPlan layer)
        {
            LayerPlan target = Target(layer)!;
            string formula = target.Entry.BackwardFormula(target);
            return $"{target.FieldName}'s rule{(formula.Length > 0 ? " (" + formula + ")" : string.Empty)}; its gradients are summed with those of {target.FieldName}'s own step";
        }

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names) => Applied(layer, names).Entry.Backward(Applied(layer, names), names);

        /// <summary>The reused layer's plan on this application's input and output (its own field and weights), or null when inference found none.</summary>
        private static LayerPlan? Target(LayerPlan layer) =>
            layer.Topology?.Reused is LayerPlan target ? target with { InputShape = layer.InputShape, OutputShape = layer.OutputShape } : null;

        /// <summary>The target as the generated code reaches it: through the field the emitter resolved (<c>block.fc1</c> inside a block).</summary>
        private static LayerPlan Applied(LayerPlan layer, BackwardNames names) => Target(layer)! with { FieldName = names.Field };
    }
}

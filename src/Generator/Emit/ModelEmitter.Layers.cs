using System.Linq;
using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        private static void WriteLayerFields(ModelPlan plan, IndentedWriter writer)
        {
            var modules = plan.Layers.Where(layer => layer.Entry.OwnsModule).ToList();
            for (int i = 0; i < modules.Count; i++)
            {
                LayerPlan layer = modules[i];
                writer.WriteLine(LayerCode.Comment(layer, plan.Spec.SequenceLength));
                writer.WriteLine($"public readonly {layer.Entry.FieldType(layer)} {layer.FieldName};");
                if (i < modules.Count - 1)
                {
                    writer.WriteLine();
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>The device the layers were created on; batches are moved there.</summary>");
            writer.WriteLine($"private readonly {CSharp.Device} _device;");
        }

        private static void WriteConstructor(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>");
            if (plan.Spec.Initializers.Count == 0)
            {
                writer.WriteLine("/// Creates the layers with TorchSharp's default initialization, registers them under their");
                writer.WriteLine("/// field names (the state_dict keys) and moves them to <paramref name=\"device\"/>.");
            }
            else
            {
                writer.WriteLine("/// Creates the layers, registers them under their field names (the state_dict keys),");
                writer.WriteLine("/// re-initializes them by the declared [Initialize] rules in source order and moves them");
                writer.WriteLine("/// to <paramref name=\"device\"/>.");
            }
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"device\">Where the parameters live; the CPU when null.</param>");
            using (writer.Block($"public {plan.Spec.Name}({CSharp.Device}? device = null) : base({CSharp.Literal(plan.Spec.Name)})"))
            {
                foreach (LayerPlan layer in plan.Layers.Where(layer => layer.Entry.OwnsModule))
                {
                    // A block's factory spans lines (one named argument per line); each is written at the constructor's indentation.
                    foreach (string line in $"{layer.FieldName} = {layer.Entry.Factory(layer)};".Split('\n'))
                    {
                        writer.WriteLine(line);
                    }
                }

                writer.WriteLine("RegisterComponents();");
                foreach (InitializerSpec initializer in plan.Spec.Initializers)
                {
                    string layer = initializer.Layer is null ? string.Empty : $", layer: {CSharp.Literal(initializer.Layer)}";
                    writer.WriteLine(
                        $"global::ModelGen.Training.Initializers.Apply(this, global::ModelGen.WeightInit.{initializer.Weights}, biasValue: {CSharp.Literal(initializer.Bias)}{layer}); // [{initializer.Display}]");
                }

                writer.WriteLine("_device = device ?? global::TorchSharp.torch.CPU;");
                using (writer.Block("if (_device.type != global::TorchSharp.DeviceType.CPU)"))
                {
                    writer.WriteLine("global::TorchSharp.ModuleExtensionMethods.to(this, _device);");
                }
            }
        }

        private static void WriteForward(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine($"/// <summary>Runs the network on a batch: {CSharp.Batched(plan.Spec.InputShape, plan.Spec.SequenceLength)} → {CSharp.Batched(plan.OutputShape, plan.Spec.SequenceLength)}.</summary>");
            writer.WriteLine("/// <exception cref=\"global::ModelGen.InputShapeException\">The input is not a batch of the declared input shape.</exception>");
            writer.WriteLine("/// <exception cref=\"global::System.ObjectDisposedException\">The model has been disposed.</exception>");
            using (writer.Block($"public override {CSharp.Tensor} forward({CSharp.Tensor} input)"))
            {
                string guard = plan.Spec.Input == InputKindSpec.TokenIds ? "CheckTokenIds" : "CheckInput";
                writer.WriteLine($"global::ModelGen.ModelGuard.ThrowIfDisposed(_disposed, {CSharp.Literal(plan.Spec.Name)});");
                writer.WriteLine($"global::ModelGen.ModelGuard.{guard}({CSharp.Literal(plan.Spec.Name)}, input, InputShape);");
                string current = "input";
                foreach (LayerPlan layer in plan.Layers)
                {
                    string assignment = current == "input" ? "var x" : "x";
                    writer.WriteLine($"{assignment} = {layer.Entry.Forward(layer, current)}; // [{layer.Spec.Display}]  {CSharp.Batched(layer.InputShape, plan.Spec.SequenceLength)} → {CSharp.Batched(layer.OutputShape, plan.Spec.SequenceLength)}");
                    current = "x";
                }

                writer.WriteLine($"return {current};");
            }
        }
    }
}

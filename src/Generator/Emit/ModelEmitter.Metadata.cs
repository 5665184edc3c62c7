using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        private static void WriteMetadata(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine($"/// <summary>Trainable parameters of all layers: {Numbers.Grouped(plan.TotalParameters)}.</summary>");
            writer.WriteLine($"public const long ParameterCount = {CSharp.Literal(plan.TotalParameters)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The shape of one input sample, batch excluded: {Shape.Format(plan.Spec.InputShape)}.</summary>");
            writer.WriteLine($"public static global::ModelGen.TensorShape InputShape {{ get; }} = new global::ModelGen.TensorShape({CSharp.ShapeArguments(plan.Spec.InputShape)});");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The shape of one output sample, batch excluded: {Shape.Format(plan.OutputShape)}.</summary>");
            writer.WriteLine($"public static global::ModelGen.TensorShape OutputShape {{ get; }} = new global::ModelGen.TensorShape({CSharp.ShapeArguments(plan.OutputShape)});");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Every layer in order: field (state_dict prefix), kind, declaration, shapes, parameters.</summary>");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::ModelGen.LayerInfo> LayerTable { get; } = new global::ModelGen.LayerInfo[]");
            writer.WriteLine("{");
            using (writer.Indent())
            {
                foreach (LayerPlan layer in plan.Layers)
                {
                    writer.WriteLine(
                        $"new global::ModelGen.LayerInfo({CSharp.Literal(layer.FieldName)}, {CSharp.Literal(layer.Spec.Kind)}, {CSharp.Literal(layer.Spec.Display)}, " +
                        $"new global::ModelGen.TensorShape({CSharp.ShapeArguments(layer.InputShape)}), new global::ModelGen.TensorShape({CSharp.ShapeArguments(layer.OutputShape)}), {CSharp.Literal(layer.Parameters)}),");
                }
            }

            writer.WriteLine("};");
        }

        private static void WriteInterfaceMembers(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine($"string global::ModelGen.IGeneratedModel.ModelName => {CSharp.Literal(plan.Spec.Name)};");
            writer.WriteLine("long global::ModelGen.IGeneratedModel.ParameterCount => ParameterCount;");
            writer.WriteLine("global::ModelGen.TensorShape global::ModelGen.IGeneratedModel.InputShape => InputShape;");
            writer.WriteLine("global::ModelGen.TensorShape global::ModelGen.IGeneratedModel.OutputShape => OutputShape;");
            writer.WriteLine("global::System.Collections.Generic.IReadOnlyList<global::ModelGen.LayerInfo> global::ModelGen.IGeneratedModel.LayerTable => LayerTable;");
            writer.WriteLine("string global::ModelGen.IGeneratedModel.Summary => Summary;");
            writer.WriteLine($"{CSharp.Device} global::ModelGen.IGeneratedModel.Device => _device;");
        }
    }
}

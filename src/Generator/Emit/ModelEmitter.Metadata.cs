using System.Linq;
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
            writer.WriteLine($"/// <summary>Non-trainable float scalars in the state_dict (batch-norm running statistics): {Numbers.Grouped(plan.TotalBuffers)}.</summary>");
            writer.WriteLine($"public const long BufferCount = {CSharp.Literal(plan.TotalBuffers)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Mult-adds for one sample, by torchinfo's rules: {Numbers.Grouped(plan.TotalMultAdds)}.</summary>");
            writer.WriteLine($"public const long MultAdds = {CSharp.Literal(plan.TotalMultAdds)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Convolution and linear weight mult-adds for one sample (torchvision's GFLOPS): {Numbers.Grouped(plan.TotalWeightMultAdds)}.</summary>");
            writer.WriteLine($"public const long WeightMultAdds = {CSharp.Literal(plan.TotalWeightMultAdds)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>torchinfo's forward/backward pass size for one sample, in bytes: {Numbers.Grouped(plan.ForwardBackwardBytes)}.</summary>");
            writer.WriteLine($"public const long ForwardBackwardBytes = {CSharp.Literal(plan.ForwardBackwardBytes)};");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Counts and memory for one sample, computed at compile time.</summary>");
            writer.WriteLine(
                $"public static global::ModelGen.ModelCosts Costs {{ get; }} = new global::ModelGen.ModelCosts(ParameterCount, BufferCount, MultAdds, WeightMultAdds, " +
                $"{CSharp.Literal(plan.ParameterBytes)}, {CSharp.Literal(plan.BufferBytes)}, ForwardBackwardBytes);");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The shape of one input sample, batch excluded: {Shape.Format(plan.Spec.InputShape, plan.Spec.SequenceLength)}.</summary>");
            writer.WriteLine($"public static global::ModelGen.TensorShape InputShape {{ get; }} = new global::ModelGen.TensorShape({CSharp.ShapeArguments(plan.Spec.InputShape, plan.Spec.SequenceLength)});");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The shape of one output sample, batch excluded: {Shape.Format(plan.OutputShape, plan.Spec.SequenceLength)}.</summary>");
            writer.WriteLine($"public static global::ModelGen.TensorShape OutputShape {{ get; }} = new global::ModelGen.TensorShape({CSharp.ShapeArguments(plan.OutputShape, plan.Spec.SequenceLength)});");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Every layer in order: field (state_dict prefix), kind, declaration, shapes, parameters, buffers, mult-adds, weight mult-adds.</summary>");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::ModelGen.LayerInfo> LayerTable { get; } = new global::ModelGen.LayerInfo[]");
            writer.WriteLine("{");
            using (writer.Indent())
            {
                foreach (LayerPlan layer in plan.Layers.Where(layer => layer.Entry.OwnsModule))
                {
                    writer.WriteLine(
                        $"new global::ModelGen.LayerInfo({CSharp.Literal(layer.FieldName)}, {CSharp.Literal(layer.Spec.Kind)}, {CSharp.Literal(layer.Spec.Display)}, " +
                        $"new global::ModelGen.TensorShape({CSharp.ShapeArguments(layer.InputShape, plan.Spec.SequenceLength)}), new global::ModelGen.TensorShape({CSharp.ShapeArguments(layer.OutputShape, plan.Spec.SequenceLength)}), " +
                        $"{CSharp.Literal(layer.Parameters)}, {CSharp.Literal(layer.Counts.Buffers)}, {CSharp.Literal(layer.Counts.MultAdds)}, {CSharp.Literal(layer.Counts.WeightMultAdds)}),");
                }
            }

            writer.WriteLine("};");
        }

        private static void WriteInterfaceMembers(ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine($"string global::ModelGen.IGeneratedModel.ModelName => {CSharp.Literal(plan.Spec.Name)};");
            writer.WriteLine("long global::ModelGen.IGeneratedModel.ParameterCount => ParameterCount;");
            writer.WriteLine("global::ModelGen.ModelCosts global::ModelGen.IGeneratedModel.Costs => Costs;");
            writer.WriteLine("global::ModelGen.TensorShape global::ModelGen.IGeneratedModel.InputShape => InputShape;");
            writer.WriteLine("global::ModelGen.TensorShape global::ModelGen.IGeneratedModel.OutputShape => OutputShape;");
            writer.WriteLine("global::System.Collections.Generic.IReadOnlyList<global::ModelGen.LayerInfo> global::ModelGen.IGeneratedModel.LayerTable => LayerTable;");
            writer.WriteLine("string global::ModelGen.IGeneratedModel.Summary => Summary;");
            if (IsGraph(plan))
            {
                writer.WriteLine("string global::ModelGen.IGeneratedModel.Diagram => Diagram;");
            }

            writer.WriteLine($"{CSharp.Device} global::ModelGen.IGeneratedModel.Device => _device;");
        }
    }
}

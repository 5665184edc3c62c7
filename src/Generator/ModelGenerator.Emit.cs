using Microsoft.CodeAnalysis;
using ModelGen.Generator.Emit;

namespace ModelGen.Generator
{
    public sealed partial class ModelGenerator
    {
        private static void Emit(SourceProductionContext context, ModelSource source)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(ModelEmitter.HintName(source.Hierarchy), ModelEmitter.Write(source));
        }
    }
}

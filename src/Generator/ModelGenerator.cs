using Microsoft.CodeAnalysis;
using ModelGen.Roslyn;

namespace ModelGen.Generator
{
    /// <summary>
    /// Emits the TorchSharp half of every partial class marked <c>[Model]</c>: layers, forward,
    /// training step, shape and parameter constants, summary. Diagnostics come from the
    /// analyzers, which read the same declaration with the same shared code.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class ModelGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ModelInput> declarations = context.SyntaxProvider
                .ForAttributeWithMetadataName(ModelSpecReader.ModelAttributeName, IsCandidate, Parse)
                .WithTrackingName(TrackingNames.Declarations);

            IncrementalValuesProvider<ModelSource> plans = declarations
                .Select(Plan)
                .Where(static source => source is not null)
                .Select(static (source, _) => source!)
                .WithTrackingName(TrackingNames.Plans);

            context.RegisterSourceOutput(plans, Emit);

            IncrementalValuesProvider<BlockSource> blocks = context.SyntaxProvider
                .ForAttributeWithMetadataName(GraphReader.BlockAttributeName, IsCandidate, ParseBlock)
                .Where(static source => source is not null)
                .Select(static (source, _) => source!)
                .WithTrackingName(TrackingNames.Blocks);

            context.RegisterSourceOutput(blocks, EmitBlock);
        }
    }
}

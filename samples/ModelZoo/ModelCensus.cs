using System.Linq;
using TorchSharp;

namespace ModelGen.Samples.Zoo
{
    /// <summary>What the constructed TorchSharp module really holds.</summary>
    public static class ModelCensus
    {
        /// <summary>The element count of the module's <c>parameters()</c>, as PyTorch's <c>sum(p.numel() for p in m.parameters())</c>.</summary>
        /// <param name="model">A constructed model.</param>
        /// <returns>Trainable scalars.</returns>
        public static long Parameters(IGeneratedModel model) =>
            ((torch.nn.Module)model).parameters().Sum(parameter => parameter.numel());
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Creates TorchSharp's GroupNorm with PyTorch's initialization. TorchSharp 0.107's
    /// <c>nn.GroupNorm</c> allocates γ and β with <c>torch.empty</c> and never resets them, so a
    /// fresh layer scales by whatever the memory held (values such as 1e26 were seen); PyTorch
    /// starts from γ = 1 and β = 0, which this factory restores. The module is TorchSharp's own, so
    /// its state_dict keys (<c>weight</c>, <c>bias</c>) are unchanged.
    /// </summary>
    public static class InitializedGroupNorm
    {
        /// <summary>Creates the layer with γ = 1 and β = 0 (when <paramref name="affine"/>).</summary>
        /// <param name="num_groups">The number of groups; it must divide <paramref name="num_channels"/>.</param>
        /// <param name="num_channels">The channels, dimension 1 of the input.</param>
        /// <param name="eps">Added to the variance for numerical stability.</param>
        /// <param name="affine">Whether the per-channel scale and shift are learned.</param>
        public static GroupNorm Create(long num_groups, long num_channels, double eps = 1e-5, bool affine = true)
        {
            GroupNorm layer = nn.GroupNorm(num_groups, num_channels, eps, affine);
            if (affine)
            {
                using (no_grad())
                {
                    layer.weight!.fill_(1.0);
                    layer.bias!.fill_(0.0);
                }
            }

            return layer;
        }
    }
}

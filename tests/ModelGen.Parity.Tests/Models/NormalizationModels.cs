using ModelGen;

// One small model per normalization and noise kind (and per argument form). Each is checked
// against TorchSharp by NormalizationParityTests; the comments work out the shapes and counts from
// the formulas: BatchNorm 2·C parameters and 2·C buffers, LayerNorm 2·E (E = normalized elements),
// GroupNorm 2·C, InstanceNorm2d 2·C with Affine and 2·C buffers with TrackRunningStats.
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>BatchNorm3d on a 2×3×4×5 volume: unchanged, 2·2 = 4 parameters, 4 buffers.</summary>
    [Model(2, 3, 4, 5)]
    [BatchNorm3d(Eps = 1e-3, Momentum = 0.2)]
    public partial class BatchNorm3dOnly;

    /// <summary>LayerNorm over the last dimension of 16×8: unchanged, 2·8 = 16 parameters.</summary>
    [Model(16, 8)]
    [LayerNorm]
    public partial class LayerNormLast;

    /// <summary>LayerNorm over a whole 3×4×5 sample: normalized_shape 3×4×5, 2·60 = 120 parameters.</summary>
    [Model(3, 4, 5)]
    [LayerNorm(NormalizedDims = 3, Eps = 1e-6)]
    public partial class LayerNormWholeSample;

    /// <summary>LayerNorm without the shift on 10 features: 10 parameters (γ only).</summary>
    [Model(10)]
    [LayerNorm(Bias = false)]
    public partial class LayerNormWithoutBias;

    /// <summary>LayerNorm over the last two dimensions of 6×5 without affine: 0 parameters.</summary>
    [Model(6, 5)]
    [LayerNorm(NormalizedDims = 2, ElementwiseAffine = false)]
    public partial class LayerNormWithoutAffine;

    /// <summary>GroupNorm(3) on 6×4×4: 3 groups of 2 channels, 2·6 = 12 parameters.</summary>
    [Model(6, 4, 4)]
    [GroupNorm(3)]
    public partial class GroupNormMap;

    /// <summary>GroupNorm(2) on an 8×5 map (C×L) without affine: 0 parameters.</summary>
    [Model(8, 5)]
    [GroupNorm(2, Affine = false, Eps = 1e-4)]
    public partial class GroupNormSequence;

    /// <summary>InstanceNorm2d with PyTorch's defaults on 3×5×5: no parameters, no buffers.</summary>
    [Model(3, 5, 5)]
    [InstanceNorm2d]
    public partial class InstanceNorm2dDefault;

    /// <summary>InstanceNorm2d with Affine and TrackRunningStats on 3×5×5: 2·3 = 6 parameters, 6 buffers.</summary>
    [Model(3, 5, 5)]
    [InstanceNorm2d(Affine = true, TrackRunningStats = true, Momentum = 0.3)]
    public partial class InstanceNorm2dTracked;

    /// <summary>Dropout2d on 4×3×3: unchanged.</summary>
    [Model(4, 3, 3)]
    [Dropout2d(0.25)]
    public partial class Dropout2dOnly;

    /// <summary>AlphaDropout on 7 features: unchanged.</summary>
    [Model(7)]
    [AlphaDropout(0.1)]
    public partial class AlphaDropoutOnly;

    /// <summary>GaussianNoise on 2×3×3: unchanged, no parameters.</summary>
    [Model(2, 3, 3)]
    [GaussianNoise(0.1)]
    public partial class GaussianNoiseOnly;

    /// <summary>
    /// The family in one stack: conv 8·1·3·3 + 8 = 80 → 8×8×8; InstanceNorm2d 16; GroupNorm 16;
    /// Flatten 512; Linear 512·16 + 16 = 8,208; LayerNorm 32; Linear 16·4 + 4 = 68. Total 8,420.
    /// </summary>
    [Model(1, 8, 8)]
    [Conv2d(8, Kernel = 3, Padding = 1), InstanceNorm2d(Affine = true), Dropout2d(0.1)]
    [GroupNorm(4), GaussianNoise(0.05)]
    [Flatten, Linear(16), LayerNorm, SELU, AlphaDropout(0.05)]
    [Linear(4)]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam)]
    public partial class NormalizationStack;
}

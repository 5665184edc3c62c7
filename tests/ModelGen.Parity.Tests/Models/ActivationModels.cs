using ModelGen;

// One small model per activation kind (and per argument form). Each is checked against TorchSharp
// by ActivationParityTests. Activations keep the shape, except Maxout: the pieced dimension S
// becomes S / k (features of F, channels of C×H×W, features per position of L×F).
namespace ModelGen.Parity.Tests.Models
{
    /// <summary>BinaryStep on 7 features: unchanged, no parameters.</summary>
    [Model(7)]
    [BinaryStep]
    public partial class BinaryStepOnly;

    /// <summary>PReLU with one shared slope on 2×3×3: 1 parameter.</summary>
    [Model(2, 3, 3)]
    [PReLU]
    public partial class PReLUShared;

    /// <summary>PReLU with one slope per channel of 4×3×3: 4 parameters, each 0.1 at the start.</summary>
    [Model(4, 3, 3)]
    [PReLU(NumParameters = 4, Init = 0.1)]
    public partial class PReLUPerChannel;

    /// <summary>PReLU with one slope per feature of 6: 6 parameters.</summary>
    [Model(6)]
    [PReLU(NumParameters = 6)]
    public partial class PReLUPerFeature;

    /// <summary>ELU with α = 0.5 on 5 features.</summary>
    [Model(5)]
    [ELU(Alpha = 0.5)]
    public partial class ELUOnly;

    /// <summary>SELU on 2×3×3.</summary>
    [Model(2, 3, 3)]
    [SELU]
    public partial class SELUOnly;

    /// <summary>Exact GELU on 5 features.</summary>
    [Model(5)]
    [GELU]
    public partial class GELUExact;

    /// <summary>GELU with the tanh approximation on 5 features.</summary>
    [Model(5)]
    [GELU(Approximate = GeluApproximate.Tanh)]
    public partial class GELUTanh;

    /// <summary>SiLU (Swish) on 4×2.</summary>
    [Model(4, 2)]
    [SiLU]
    public partial class SiLUOnly;

    /// <summary>Softplus with β = 2 and threshold 10 on 5 features.</summary>
    [Model(5)]
    [Softplus(Beta = 2, Threshold = 10)]
    public partial class SoftplusOnly;

    /// <summary>Mish on 2×3×3.</summary>
    [Model(2, 3, 3)]
    [Mish]
    public partial class MishOnly;

    /// <summary>Hardtanh clamping to [−0.5, 2] on 5 features.</summary>
    [Model(5)]
    [Hardtanh(MinVal = -0.5, MaxVal = 2)]
    public partial class HardtanhOnly;

    /// <summary>Maxout(3) on 12 features: 12 / 3 = 4.</summary>
    [Model(12)]
    [Maxout(3)]
    public partial class MaxoutFlat;

    /// <summary>Maxout(2) on the channels of 6×4×4: 6 / 2 = 3 → 3×4×4.</summary>
    [Model(6, 4, 4)]
    [Maxout(2)]
    public partial class MaxoutChannels;

    /// <summary>Maxout(4) on each position of a 5×8 sequence: 8 / 4 = 2 → 5×2.</summary>
    [Model(5, 8)]
    [Maxout(4)]
    public partial class MaxoutSequence;

    /// <summary>
    /// Maxout as the notes' unit: Linear(12) holds 3 linear pieces of 4 units (10·12 + 12 = 132),
    /// Maxout(3) takes their maximum → 4, Linear(2) 4·2 + 2 = 10. Total 142.
    /// </summary>
    [Model(10)]
    [Linear(12), Maxout(3)]
    [Linear(2)]
    public partial class MaxoutAfterLinear;

    /// <summary>
    /// Every activation in one stack: conv 4·2·3·3 + 4 = 76 → 4×6×6; PReLU per channel 4;
    /// Maxout(2) over channels → 2×6×6; Flatten 72; Linear 72·8 + 8 = 584; PReLU 1. Total 665.
    /// </summary>
    [Model(2, 6, 6)]
    [Conv2d(4, Kernel = 3, Padding = 1), PReLU(NumParameters = 4), ELU, Maxout(2)]
    [Flatten, Linear(8), GELU(Approximate = GeluApproximate.Tanh), SiLU, Softplus(Beta = 2), Mish, Hardtanh(MinVal = -3, MaxVal = 3)]
    [SELU, PReLU, BinaryStep]
    public partial class ActivationStack;
}

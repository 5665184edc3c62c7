using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchinfo's Linear on a 3-D input: nn.Linear(8, 64) applied to a batch of 16×8 samples,
    /// position by position (576 parameters used on 16 rows: 9,216 mult-adds).
    /// </summary>
    [Model(16, 8)]
    [Linear(64)]
    public partial class Linear3d;
}

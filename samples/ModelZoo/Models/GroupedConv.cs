using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchinfo's grouped convolution: nn.Conv2d(16, 32, 3, groups=4) on 16×28×28. Each of the
    /// four groups maps 4 input channels to 8 outputs: 32·(16/4)·3·3 + 32 = 1,184 parameters, used
    /// at 26·26 output positions: 800,384 mult-adds.
    /// </summary>
    [Model(16, 28, 28)]
    [Conv2d(32, Kernel = 3, Groups = 4)]
    public partial class GroupedConv;
}

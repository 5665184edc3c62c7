using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// The classic LeNet-5 (LeCun et al., 1998) on 32×32 inputs: 6 and 16 5×5 filters with tanh
    /// and 2×2 average pooling, then the 120-84-10 classifier. The course notes give it 61,706
    /// trainable parameters.
    /// </summary>
    [Model(1, 32, 32)]
    [Conv2d(6, Kernel = 5), Tanh]
    [AvgPool2d(2)]
    [Conv2d(16, Kernel = 5), Tanh]
    [AvgPool2d(2)]
    [Flatten]
    [Linear(120), Tanh]
    [Linear(84), Tanh]
    [Linear(10)]
    public partial class LeNet5;
}

using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchvision's AlexNet on 3×224×224: features (conv 55 → pool 27 → conv 27 → pool 13 →
    /// conv 13 ×3 → pool 6), AdaptiveAvgPool2d(6), classifier 9216 → 4096 → 4096 → 1000.
    /// torchvision publishes 61,100,840 parameters and 0.71 GFLOPS.
    /// The first convolution reads (224 − 11 + 4) = 217 padded pixels with stride 4 and never
    /// reads the last one (MG0003), exactly as torchvision's does: the warning is acknowledged.
    /// </summary>
#pragma warning disable MG0003
    [Model(3, 224, 224)]
    [Conv2d(64, Kernel = 11, Stride = 4, Padding = 2), ReLU, MaxPool2d(3, Stride = 2)]
    [Conv2d(192, Kernel = 5, Padding = 2), ReLU, MaxPool2d(3, Stride = 2)]
    [Conv2d(384, Kernel = 3, Padding = 1), ReLU]
    [Conv2d(256, Kernel = 3, Padding = 1), ReLU]
    [Conv2d(256, Kernel = 3, Padding = 1), ReLU, MaxPool2d(3, Stride = 2)]
    [AdaptiveAvgPool2d(6)]
    [Flatten]
    [Dropout(0.5), Linear(4096), ReLU]
    [Dropout(0.5), Linear(4096), ReLU]
    [Linear(1000)]
    public partial class AlexNet;
#pragma warning restore MG0003
}

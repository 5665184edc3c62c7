using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchvision's VGG-16 (configuration D) on 3×224×224: thirteen 3×3 convolutions with
    /// padding 1 in five stages of 64, 128, 256, 512, 512 channels, each stage closed by 2×2 max
    /// pooling, AdaptiveAvgPool2d(7), then the 25088 → 4096 → 4096 → 1000 classifier.
    /// torchvision publishes 138,357,544 parameters and 15.47 GFLOPS.
    /// </summary>
    [Model(3, 224, 224)]
    [Conv2d(64, Kernel = 3, Padding = 1), ReLU, Conv2d(64, Kernel = 3, Padding = 1), ReLU, MaxPool2d(2)]
    [Conv2d(128, Kernel = 3, Padding = 1), ReLU, Conv2d(128, Kernel = 3, Padding = 1), ReLU, MaxPool2d(2)]
    [Conv2d(256, Kernel = 3, Padding = 1), ReLU, Conv2d(256, Kernel = 3, Padding = 1), ReLU, Conv2d(256, Kernel = 3, Padding = 1), ReLU, MaxPool2d(2)]
    [Conv2d(512, Kernel = 3, Padding = 1), ReLU, Conv2d(512, Kernel = 3, Padding = 1), ReLU, Conv2d(512, Kernel = 3, Padding = 1), ReLU, MaxPool2d(2)]
    [Conv2d(512, Kernel = 3, Padding = 1), ReLU, Conv2d(512, Kernel = 3, Padding = 1), ReLU, Conv2d(512, Kernel = 3, Padding = 1), ReLU, MaxPool2d(2)]
    [AdaptiveAvgPool2d(7)]
    [Flatten]
    [Linear(4096), ReLU, Dropout(0.5)]
    [Linear(4096), ReLU, Dropout(0.5)]
    [Linear(1000)]
    public partial class Vgg16;

    /// <summary>
    /// torchvision's VGG-16 with batch normalization after every convolution (vgg16_bn):
    /// 13 × 2·C more parameters than VGG-16, 138,365,992 in all, and the same 15.47 GFLOPS.
    /// The convolutions keep their bias, as torchvision's do: each batch norm cancels it (MG0019),
    /// which the zoo acknowledges to stay equal to the published count.
    /// </summary>
#pragma warning disable MG0019
    [Model(3, 224, 224)]
    [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(64, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, MaxPool2d(2)]
    [Conv2d(128, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(128, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, MaxPool2d(2)]
    [Conv2d(256, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(256, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(256, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, MaxPool2d(2)]
    [Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, MaxPool2d(2)]
    [Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, Conv2d(512, Kernel = 3, Padding = 1), BatchNorm2d, ReLU, MaxPool2d(2)]
    [AdaptiveAvgPool2d(7)]
    [Flatten]
    [Linear(4096), ReLU, Dropout(0.5)]
    [Linear(4096), ReLU, Dropout(0.5)]
    [Linear(1000)]
    public partial class Vgg16Bn;
#pragma warning restore MG0019
}

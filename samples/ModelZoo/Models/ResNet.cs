using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchvision's BasicBlock (resnet.py): conv 3×3 (stride) → bn → relu → conv 3×3 → bn, plus the
    /// input or its projection (<c>downsample</c>: 1×1 convolution with stride, no bias, batch norm),
    /// then relu. The layer names are torchvision's, so the state_dict keys are too.
    /// </summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU(Name = "relu")]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [Shortcut(Name = "downsample")]
    [ReLU]
    public partial class BasicBlock;

    /// <summary>
    /// torchvision's Bottleneck (ResNet v1.5, the stride on the 3×3): conv 1×1 → bn → relu → conv 3×3
    /// (stride) → bn → relu → conv 1×1 to <c>Width2</c> (4 × Width, torchvision's expansion) → bn,
    /// plus the input or its projection, then relu.
    /// </summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU(Name = "relu")]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [ReLU]
    [Conv2d(Block.Width2, Kernel = 1, Bias = false, Name = "conv3")]
    [BatchNorm2d(Name = "bn3")]
    [Shortcut(Name = "downsample")]
    [ReLU]
    public partial class Bottleneck;

    /// <summary>
    /// torchvision's ResNet-18 on 3×224×224: stem (conv 7×7/2, bn, relu, max pool 3/2), four stages
    /// of two basic blocks (64, 128, 256, 512 channels; stride 2 from the second stage), global
    /// average pool, fc. torchvision publishes 11,689,512 parameters and 1.81 GFLOPS. The stride-2
    /// convolutions and the pool never read their last padded row (MG0003), as torchvision's.
    /// </summary>
#pragma warning disable MG0003
    [Model(3, 224, 224)]
    [Conv2d(64, Kernel = 7, Stride = 2, Padding = 3, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU(Name = "relu")]
    [MaxPool2d(3, Stride = 2, Padding = 1, Name = "maxpool")]
    [Repeat<BasicBlock>(2, Width = 64, Stride = 1, Name = "layer1")]
    [Repeat<BasicBlock>(2, Width = 128, Stride = 2, Name = "layer2")]
    [Repeat<BasicBlock>(2, Width = 256, Stride = 2, Name = "layer3")]
    [Repeat<BasicBlock>(2, Width = 512, Stride = 2, Name = "layer4")]
    [AdaptiveAvgPool2d(1, Name = "avgpool")]
    [Flatten]
    [Linear(1000, Name = "fc")]
    public partial class ResNet18;

    /// <summary>
    /// torchvision's ResNet-50 on 3×224×224: the same stem, stages of 3, 4, 6 and 3 bottlenecks
    /// (widths 64, 128, 256, 512, outputs 4× that), global average pool, fc. torchvision publishes
    /// 25,557,032 parameters and 4.09 GFLOPS.
    /// </summary>
    [Model(3, 224, 224)]
    [Conv2d(64, Kernel = 7, Stride = 2, Padding = 3, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1")]
    [ReLU(Name = "relu")]
    [MaxPool2d(3, Stride = 2, Padding = 1, Name = "maxpool")]
    [Repeat<Bottleneck>(3, Width = 64, Width2 = 256, Stride = 1, Name = "layer1")]
    [Repeat<Bottleneck>(4, Width = 128, Width2 = 512, Stride = 2, Name = "layer2")]
    [Repeat<Bottleneck>(6, Width = 256, Width2 = 1024, Stride = 2, Name = "layer3")]
    [Repeat<Bottleneck>(3, Width = 512, Width2 = 2048, Stride = 2, Name = "layer4")]
    [AdaptiveAvgPool2d(1, Name = "avgpool")]
    [Flatten]
    [Linear(1000, Name = "fc")]
    public partial class ResNet50;
#pragma warning restore MG0003
}

using System.Collections.Generic;

namespace ModelGen.Samples.Zoo
{
    /// <summary>Every model of the zoo with the numbers published for it.</summary>
    public static class Zoo
    {
        /// <summary>The models, in the order they are printed.</summary>
        public static IReadOnlyList<ZooModel> Models { get; } = new[]
        {
            new ZooModel(
                "lenet5",
                "classic LeNet-5 on 1×32×32, tanh, average pooling",
                LeNet5.Costs,
                () => new LeNet5(),
                new Published("LeCun et al. 1998; the course notes", Parameters: 61_706)),
            new ZooModel(
                "keras_mnist",
                "Keras' simple MNIST convnet (1×28×28)",
                KerasMnist.Costs,
                () => new KerasMnist(),
                new Published("keras.io/examples/vision/mnist_convnet", Parameters: 34_826)),
            new ZooModel(
                "single_input_net",
                "torchinfo's SingleInputNet (1×28×28)",
                SingleInputNet.Costs,
                () => new SingleInputNet(),
                new Published("torchinfo tests: SingleInputNet summary", Parameters: 21_840, MultAdds: 487_600, ForwardBackwardBytes: 56_800)),
            new ZooModel(
                "alexnet",
                "torchvision AlexNet, 3×224×224",
                AlexNet.Costs,
                () => new AlexNet(),
                new Published("torchvision.models.AlexNet_Weights.IMAGENET1K_V1 (num_params, GFLOPS)", Parameters: 61_100_840, WeightGigaMultAdds: 0.714)),
            new ZooModel(
                "vgg16",
                "torchvision VGG-16, 3×224×224",
                Vgg16.Costs,
                () => new Vgg16(),
                new Published("torchvision.models.VGG16_Weights.IMAGENET1K_V1 (num_params, GFLOPS)", Parameters: 138_357_544, WeightGigaMultAdds: 15.47)),
            new ZooModel(
                "vgg16_bn",
                "torchvision VGG-16 with batch norm, 3×224×224",
                Vgg16Bn.Costs,
                () => new Vgg16Bn(),
                new Published("torchvision.models.VGG16_BN_Weights.IMAGENET1K_V1 (num_params, GFLOPS)", Parameters: 138_365_992, WeightGigaMultAdds: 15.47)),
            new ZooModel(
                "resnet18",
                "torchvision ResNet-18, 3×224×224 (basic blocks, projection shortcuts)",
                ResNet18.Costs,
                () => new ResNet18(),
                new Published("torchvision.models.ResNet18_Weights.IMAGENET1K_V1 (num_params, GFLOPS)", Parameters: 11_689_512, WeightGigaMultAdds: 1.814)),
            new ZooModel(
                "resnet50",
                "torchvision ResNet-50, 3×224×224 (bottleneck blocks, projection shortcuts)",
                ResNet50.Costs,
                () => new ResNet50(),
                new Published("torchvision.models.ResNet50_Weights.IMAGENET1K_V1 (num_params, GFLOPS)", Parameters: 25_557_032, WeightGigaMultAdds: 4.089)),
            new ZooModel(
                "grouped_conv",
                "Conv2d(16→32, kernel 3, groups 4) on 16×28×28",
                GroupedConv.Costs,
                () => new GroupedConv(),
                new Published("torchinfo test output (grouped convolution)", Parameters: 1_184, MultAdds: 800_384)),
            new ZooModel(
                "linear_3d",
                "Linear(8→64) on a 16×8 input",
                Linear3d.Costs,
                () => new Linear3d(),
                new Published("torchinfo test output (linear on a 3-D input)", Parameters: 576, MultAdds: 9_216)),
            new ZooModel(
                "lstm_300_512_2",
                "nn.LSTM(300, 512, num_layers = 2) on sequences of 300-d vectors",
                Lstm300x512x2.Costs,
                () => new Lstm300x512x2(),
                new Published("PyTorch docs, nn.LSTM weight shapes: 4·512·(300 + 512) + 4·512·(512 + 512) + 4·2·2·512", Parameters: 3_768_320)),
            new ZooModel(
                "lstm_net",
                "Embedding(20, 300) → LSTM(512, 2 layers) → Linear(20)",
                LstmNet.Costs,
                () => new LstmNet(),
                new Published("torchinfo tests: LSTMNet summary", Parameters: 3_784_580)),
        };
    }
}

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
                "linear_3d",
                "Linear(8→64) on a 16×8 input",
                Linear3d.Costs,
                () => new Linear3d(),
                new Published("torchinfo test output (linear on a 3-D input)", Parameters: 576, MultAdds: 9_216)),
        };
    }
}

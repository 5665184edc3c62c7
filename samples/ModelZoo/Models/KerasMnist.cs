using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// Keras' "simple MNIST convnet" example (keras.io/examples/vision/mnist_convnet): two 3×3
    /// convolutions with ReLU and 2×2 max pooling, dropout 0.5, and a 10-way softmax. Keras
    /// reports 34,826 trainable parameters. Softmax stays out of the model: the loss takes logits.
    /// The second pool reads 11×11 maps and drops the last row and column (MG0003), exactly as
    /// Keras' MaxPooling2D does in the published model, so the warning is acknowledged here.
    /// </summary>
#pragma warning disable MG0003
    [Model(1, 28, 28)]
    [Conv2d(32, Kernel = 3), ReLU]
    [MaxPool2d(2)]
    [Conv2d(64, Kernel = 3), ReLU]
    [MaxPool2d(2)]
    [Flatten]
    [Dropout(0.5)]
    [Linear(10)]
    public partial class KerasMnist;
#pragma warning restore MG0003
}

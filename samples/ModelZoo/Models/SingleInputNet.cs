using ModelGen;

namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// torchinfo's SingleInputNet (its tests' MNIST model) on 1×28×28: conv 10@5×5 → max pool 2 →
    /// ReLU, conv 20@5×5 → Dropout2d(0.3) → max pool 2 → ReLU, then 320 → 50 → 10 with ReLU,
    /// dropout and log-softmax. torchinfo prints 21,840 parameters, 487,600 mult-adds
    /// ("0.49 M") and a 56,800-byte forward/backward pass ("0.06 MB", batch 1).
    /// </summary>
    [Model(1, 28, 28)]
    [Conv2d(10, Kernel = 5), MaxPool2d(2), ReLU]
    [Conv2d(20, Kernel = 5), Dropout2d(0.3), MaxPool2d(2), ReLU]
    [Flatten]
    [Linear(50), ReLU, Dropout(0.5)]
    [Linear(10), LogSoftmax]
    public partial class SingleInputNet;
}

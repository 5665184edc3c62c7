// Trains an autoencoder on the 8×8 digits (64 pixels in [0, 1]) to squeeze each image through an
// 8-number code and back, and prints the reconstruction error (mean squared error per pixel) on a
// seeded 20 % hold-out, beside the error of predicting the mean image. The forward pass is written
// by hand (decode(encode(x))); the generator declares, sizes, registers and counts the layers.
using System;
using System.Globalization;
using ModelGen.Data;
using ModelGen.Samples.Autoencoder;
using TorchSharp;
using static TorchSharp.torch;

set_num_threads(2);
manual_seed(42);
using TensorDataset digits = DigitsDataset.Load(DigitsLayout.Flat);
(TensorDataset train, TensorDataset test) = digits.TrainTestSplit(0.2, 42);
using (train)
using (test)
{
    using var model = new DigitsAutoencoder();
    Console.WriteLine(DigitsAutoencoder.Summary);
    var random = new Random(42);
    const int batch = 32;
    for (int epoch = 0; epoch < 60; epoch++)
    {
        foreach (long[] indices in Batches(train.Count, batch, random))
        {
            using var scope = NewDisposeScope();
            Tensor x = train.Features.index(tensor(indices));
            model.TrainStep(x, x);
        }
    }

    model.eval();
    using (no_grad())
    {
        Tensor reconstruction = model.forward(test.Features);
        double error = nn.functional.mse_loss(reconstruction, test.Features).item<float>();
        double baseline = nn.functional.mse_loss(train.Features.mean(new long[] { 0 }, keepdim: true).expand_as(test.Features), test.Features).item<float>();
        Tensor codes = model.Encode(test.Features);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "code: {0} numbers per image ({1}× compression)", codes.shape[1], 64 / codes.shape[1]));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "reconstruction error (test MSE per pixel): {0:F4}", error));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "mean-image baseline (test MSE per pixel): {0:F4}", baseline));
    }
}

static System.Collections.Generic.IEnumerable<long[]> Batches(int count, int size, Random random)
{
    long[] order = new long[count];
    for (int i = 0; i < count; i++)
    {
        order[i] = i;
    }

    random.Shuffle(order);
    for (int start = 0; start < count; start += size)
    {
        yield return order[start..Math.Min(count, start + size)];
    }
}

namespace ModelGen.Samples.Autoencoder
{
    /// <summary>
    /// Encoder 64 → 32 → 8, decoder 8 → 32 → 64 (sigmoid, as the pixels are in [0, 1]). The layers
    /// are inferred in order from the 64-pixel input, so every shape is checked at compile time;
    /// forward, <see cref="Encode"/> and <see cref="Decode"/> are written here.
    /// </summary>
    [Model(64)]
    [Linear(32, Name = "encoder1"), ReLU(Name = "encoderActivation"), Linear(8, Name = "code")]
    [Linear(32, Name = "decoder1"), ReLU(Name = "decoderActivation"), Linear(64, Name = "decoder2"), Sigmoid(Name = "pixels")]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
    public partial class DigitsAutoencoder
    {
        /// <summary>The reconstruction of a batch of images: decode(encode(x)).</summary>
        /// <param name="input">N×64 pixels.</param>
        public override Tensor forward(Tensor input) => Decode(Encode(input));

        /// <summary>The 8-number code of each image.</summary>
        /// <param name="input">N×64 pixels.</param>
        public Tensor Encode(Tensor input) => code.forward(encoderActivation.forward(encoder1.forward(input)));

        /// <summary>The image a code stands for.</summary>
        /// <param name="code">N×8 codes.</param>
        public Tensor Decode(Tensor code) => pixels.forward(decoder2.forward(decoderActivation.forward(decoder1.forward(code))));
    }
}

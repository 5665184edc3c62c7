// Trains a GAN on a 2-D mixture of four Gaussians (centres (±2, ±2), standard deviation 0.25): a
// generator (4 noise numbers → a point) and a discriminator (a point → real or fake logit), two
// generated models trained alternately, and prints the statistics of generated points beside the
// target's: mean, standard deviation per axis, and the share of points near each centre.
using System;
using System.Globalization;
using System.Linq;
using ModelGen.Samples.Gan;
using TorchSharp;
using static TorchSharp.torch;

set_num_threads(2);
manual_seed(42);
const int batch = 128;
const int steps = 2000;
var centres = tensor(new float[] { 2, 2, 2, -2, -2, 2, -2, -2 }).reshape(4, 2);

Tensor Real(long n)
{
    Tensor which = randint(0, 4, new long[] { n });
    return centres.index(which) + (0.25f * randn(n, 2));
}

using var generator = new PointGenerator();
using var discriminator = new PointDiscriminator();
Console.WriteLine(PointGenerator.Summary);
Console.WriteLine(PointDiscriminator.Summary);
var ones = torch.ones(batch, 1);
var zeros = torch.zeros(batch, 1);
for (int step = 0; step < steps; step++)
{
    using var scope = NewDisposeScope();

    // Discriminator: real points are 1, generated ones 0 (the generator is not updated here).
    Tensor fake;
    using (no_grad())
    {
        fake = generator.forward(randn(batch, PointGenerator.InputShape[0]));
    }

    discriminator.TrainStep(cat(new[] { Real(batch), fake }), cat(new[] { ones, zeros }));

    // Generator: make the discriminator call its points real; only the generator's weights step.
    generator.train();
    generator.Optimizer.zero_grad();
    Tensor logits = discriminator.forward(generator.forward(randn(batch, PointGenerator.InputShape[0])));
    Tensor loss = nn.functional.binary_cross_entropy_with_logits(logits, ones);
    loss.backward();
    generator.Optimizer.step();
}

using (no_grad())
{
    generator.eval();
    Tensor samples = generator.forward(randn(4000, PointGenerator.InputShape[0]));
    Tensor target = Real(4000);
    Console.WriteLine("                 mean x   mean y    std x    std y");
    Print("target", target);
    Print("generated", samples);
    Tensor nearest = cdist(samples, centres).argmin(1);
    Tensor near = cdist(samples, centres).min(1).values < 0.75f;
    string shares = string.Join("  ", Enumerable.Range(0, 4).Select(c => ((nearest == c) & near).to_type(ScalarType.Float32).mean().item<float>().ToString("P0", CultureInfo.InvariantCulture)));
    Console.WriteLine($"share of generated points within 0.75 of each centre (target: ~25 % each): {shares}");
}

static void Print(string name, Tensor points)
{
    float[] mean = points.mean(new long[] { 0 }).data<float>().ToArray();
    float[] std = points.std(0).data<float>().ToArray();
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-12}{1,9:F3}{2,9:F3}{3,9:F3}{4,9:F3}", name, mean[0], mean[1], std[0], std[1]));
}

namespace ModelGen.Samples.Gan
{
    /// <summary>The generator: 4 noise numbers → 64 → 64 → a 2-D point.</summary>
    [Model(4)]
    [Linear(64), ReLU, Linear(64), ReLU, Linear(2)]
    [Loss(LossKind.MSE), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3, Beta1 = 0.5)]
    public partial class PointGenerator;

    /// <summary>The discriminator: a 2-D point → 64 → 64 → a logit (real &gt; 0).</summary>
    [Model(2)]
    [Linear(64), LeakyReLU(NegativeSlope = 0.2), Linear(64), LeakyReLU(NegativeSlope = 0.2), Linear(1)]
    [Loss(LossKind.BCEWithLogits), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3, Beta1 = 0.5)]
    public partial class PointDiscriminator;
}

using System;
using System.Linq;
using ModelGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Training.Formulas;

/// <summary>
/// Each optimizer's steps on f(θ) = ½·Σ kᵢθᵢ² (gradient k⊙θ) equal the update rule written out
/// here from the formulas (PyTorch's documented algorithms, which the course notes' forms match
/// where they agree; see docs/training.md), and each converges on this convex problem.
/// </summary>
public sealed class OptimizerFormulaTests
{
    private static readonly double[] K = { 1.0, 4.0, 0.25 };
    private static readonly double[] Start = { 1.0, -2.0, 0.5 };
    private const int Steps = 4;

    public static TheoryData<string> Kinds => new()
    {
        "sgd", "momentum", "nesterov", "sgd-decay", "adagrad", "adadelta", "rmsprop", "rmsprop-momentum", "adam", "adam-decay", "adamw", "adamax", "nadam",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Steps_equal_the_formula(string name)
    {
        OptimizerSettings settings = Settings(name);
        double[] expected = Reference(name, settings);

        double[] actual = Run(settings, Steps);

        for (int i = 0; i < K.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Converges_on_a_convex_quadratic(string name)
    {
        // Adadelta at η = 1 is nearly scale-free and oscillates on the stiff axis (k = 4); a
        // smaller η and a longer memory ρ let it settle.
        OptimizerSettings settings = name == "adadelta" ? new OptimizerSettings(OptimizerKind.Adadelta) { LearningRate = 0.5, Rho = 0.95 } : Settings(name);
        double start = Objective(Start);

        double end = Objective(Run(settings, 3000));

        Assert.True(end < start * 1e-3, $"{name}: f went from {start} to {end}");
    }

    [Fact]
    public void Adam_first_step_is_lr_times_the_sign_of_the_gradient()
    {
        // Bias correction: m̂₁ = g, v̂₁ = g², so the first step is η·g/(|g| + ε) ≈ η·sign(g),
        // whatever the gradient's scale (the notes' item 2: 9.9e-4 for a 1e-6 gradient and η 1e-3).
        double[] actual = Run(new OptimizerSettings(OptimizerKind.Adam), 1);
        for (int i = 0; i < K.Length; i++)
        {
            double g = K[i] * Start[i];
            Assert.Equal(Start[i] - (0.001 * g / (Math.Abs(g) + 1e-8)), actual[i], 12);
        }
    }

    private static OptimizerSettings Settings(string name) => name switch
    {
        "sgd" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1 },
        "momentum" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.05, Momentum = 0.9 },
        "nesterov" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.05, Momentum = 0.9, Nesterov = true },
        "sgd-decay" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1, WeightDecay = 0.1 },
        "adagrad" => new OptimizerSettings(OptimizerKind.Adagrad) { LearningRate = 0.5, LearningRateDecay = 0.01 },
        "adadelta" => new OptimizerSettings(OptimizerKind.Adadelta) { LearningRate = 50 },
        "rmsprop" => new OptimizerSettings(OptimizerKind.RMSprop),
        "rmsprop-momentum" => new OptimizerSettings(OptimizerKind.RMSprop) { LearningRate = 0.01, Momentum = 0.5 },
        "adam" => new OptimizerSettings(OptimizerKind.Adam) { LearningRate = 0.05 },
        "adam-decay" => new OptimizerSettings(OptimizerKind.Adam) { LearningRate = 0.05, WeightDecay = 0.1 },
        "adamw" => new OptimizerSettings(OptimizerKind.AdamW) { LearningRate = 0.05, WeightDecay = 0.1 },
        "adamax" => new OptimizerSettings(OptimizerKind.Adamax) { LearningRate = 0.05 },
        "nadam" => new OptimizerSettings(OptimizerKind.NAdam) { LearningRate = 0.05 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static double Objective(double[] theta) => theta.Select((t, i) => 0.5 * K[i] * t * t).Sum();

    private static double[] Run(OptimizerSettings settings, int steps)
    {
        using var scope = torch.NewDisposeScope();
        var theta = new Parameter(torch.tensor(Start, dtype: ScalarType.Float64));
        Tensor k = torch.tensor(K, dtype: ScalarType.Float64);
        using torch.optim.Optimizer optimizer = settings.Create(new[] { theta });
        for (int t = 0; t < steps; t++)
        {
            optimizer.zero_grad();
            Tensor f = (theta.square() * k).sum() * 0.5;
            f.backward();
            optimizer.step();
        }

        return theta.detach().data<double>().ToArray();
    }

    /// <summary>The update rules, one element at a time, straight from the formulas.</summary>
    private static double[] Reference(string name, OptimizerSettings s)
    {
        double[] theta = (double[])Start.Clone();
        for (int i = 0; i < theta.Length; i++)
        {
            double x = theta[i];
            double m = 0, v = 0, u = 0, b = 0, sum = 0, productOfMu = 1;
            for (int t = 1; t <= Steps; t++)
            {
                double g = K[i] * x;
                switch (name)
                {
                    case "sgd":
                    case "sgd-decay":
                        g += s.WeightDecay * x;
                        x -= s.LearningRate * g;
                        break;
                    case "momentum":
                    case "nesterov":
                        b = t == 1 ? g : (s.Momentum * b) + g; // u_t = βu_{t−1} + ∇ (notes 002)
                        x -= s.LearningRate * (s.Nesterov ? g + (s.Momentum * b) : b);
                        break;
                    case "adagrad":
                        sum += g * g;
                        x -= s.LearningRate / (1 + ((t - 1) * s.LearningRateDecay)) * g / (Math.Sqrt(sum) + s.Epsilon);
                        break;
                    case "adadelta":
                        v = (s.Rho * v) + ((1 - s.Rho) * g * g);
                        double delta = Math.Sqrt(u + s.Epsilon) / Math.Sqrt(v + s.Epsilon) * g;
                        u = (s.Rho * u) + ((1 - s.Rho) * delta * delta);
                        x -= s.LearningRate * delta;
                        break;
                    case "rmsprop":
                    case "rmsprop-momentum":
                        v = (s.Alpha * v) + ((1 - s.Alpha) * g * g);
                        if (s.Momentum > 0)
                        {
                            b = (s.Momentum * b) + (g / (Math.Sqrt(v) + s.Epsilon));
                            x -= s.LearningRate * b;
                        }
                        else
                        {
                            x -= s.LearningRate * g / (Math.Sqrt(v) + s.Epsilon);
                        }

                        break;
                    case "adam":
                    case "adam-decay":
                    case "adamw":
                        if (name == "adamw")
                        {
                            x *= 1 - (s.LearningRate * s.WeightDecay); // decoupled
                        }
                        else
                        {
                            g += s.WeightDecay * x; // coupled (L2)
                        }

                        m = (s.Beta1 * m) + ((1 - s.Beta1) * g);
                        v = (s.Beta2 * v) + ((1 - s.Beta2) * g * g);
                        double mHat = m / (1 - Math.Pow(s.Beta1, t));
                        double vHat = v / (1 - Math.Pow(s.Beta2, t));
                        x -= s.LearningRate * mHat / (Math.Sqrt(vHat) + s.Epsilon);
                        break;
                    case "adamax":
                        m = (s.Beta1 * m) + ((1 - s.Beta1) * g);
                        u = Math.Max(s.Beta2 * u, Math.Abs(g) + s.Epsilon);
                        x -= s.LearningRate / (1 - Math.Pow(s.Beta1, t)) * m / u;
                        break;
                    case "nadam":
                        double mu = s.Beta1 * (1 - (0.5 * Math.Pow(0.96, t * s.MomentumDecay)));
                        double muNext = s.Beta1 * (1 - (0.5 * Math.Pow(0.96, (t + 1) * s.MomentumDecay)));
                        productOfMu *= mu;
                        m = (s.Beta1 * m) + ((1 - s.Beta1) * g);
                        v = (s.Beta2 * v) + ((1 - s.Beta2) * g * g);
                        double mBar = (muNext * m / (1 - (productOfMu * muNext))) + ((1 - mu) * g / (1 - productOfMu));
                        double vBar = v / (1 - Math.Pow(s.Beta2, t));
                        x -= s.LearningRate * mBar / (Math.Sqrt(vBar) + s.Epsilon);
                        break;
                }
            }

            theta[i] = x;
        }

        return theta;
    }
}

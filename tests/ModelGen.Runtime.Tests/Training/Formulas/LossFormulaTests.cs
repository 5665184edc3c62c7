using System;
using System.Linq;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Training.Formulas;

/// <summary>Every loss against its formula, computed here element by element.</summary>
public sealed class LossFormulaTests
{
    private static readonly double[] Output = { 0.5, -1.0, 2.0, 3.5 };
    private static readonly double[] Target = { 1.0, 1.0, 0.0, 3.0 };

    [Theory]
    [InlineData(LossKind.MSE, LossReduction.Mean)]
    [InlineData(LossKind.MSE, LossReduction.Sum)]
    [InlineData(LossKind.MAE, LossReduction.Mean)]
    [InlineData(LossKind.Huber, LossReduction.Mean)]
    [InlineData(LossKind.Huber, LossReduction.Sum)]
    public void Regression_losses_equal_their_formulas(LossKind kind, LossReduction reduction)
    {
        const double delta = 1.5;
        double[] perElement = Output.Zip(Target, (o, t) => kind switch
        {
            LossKind.MSE => (o - t) * (o - t),
            LossKind.MAE => Math.Abs(o - t),
            _ => Math.Abs(o - t) <= delta ? 0.5 * (o - t) * (o - t) : delta * (Math.Abs(o - t) - (0.5 * delta)),
        }).ToArray();
        double expected = reduction == LossReduction.Sum ? perElement.Sum() : perElement.Average();

        var loss = new LossFunction(kind) { Reduction = reduction, HuberDelta = delta };
        double actual = Compute(loss, Tensor2(Output, 2, 2), Tensor2(Target, 2, 2));

        Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public void Binary_cross_entropy_on_probabilities_and_on_logits()
    {
        double[] logits = { 0.3, -1.2, 2.0 };
        double[] targets = { 1, 0, 1 };
        double[] p = logits.Select(z => 1 / (1 + Math.Exp(-z))).ToArray();
        double expected = -p.Zip(targets, (pi, y) => (y * Math.Log(pi)) + ((1 - y) * Math.Log(1 - pi))).Average();

        double onLogits = Compute(new LossFunction(LossKind.BCEWithLogits), Tensor2(logits, 3, 1), Tensor2(targets, 3, 1));
        double onProbabilities = Compute(new LossFunction(LossKind.BCE), Tensor2(p, 3, 1), Tensor2(targets, 3, 1));

        Assert.Equal(expected, onLogits, 12);
        Assert.Equal(expected, onProbabilities, 12);
    }

    [Fact]
    public void Cross_entropy_with_label_smoothing_uses_eps_over_k_and_one_minus_eps_plus_eps_over_k()
    {
        double[] scores = { 2.0, 1.0, 0.1, -0.5, 0.0, 1.5 }; // two samples, three classes
        long[] labels = { 0, 2 };
        const double eps = 0.2;
        double expected = 0;
        for (int n = 0; n < 2; n++)
        {
            double[] z = scores.Skip(3 * n).Take(3).ToArray();
            double logSum = Math.Log(z.Sum(Math.Exp));
            for (int c = 0; c < 3; c++)
            {
                double q = c == labels[n] ? 1 - eps + (eps / 3) : eps / 3;
                expected -= q * (z[c] - logSum);
            }
        }

        expected /= 2;
        double actual = Compute(new LossFunction(LossKind.CrossEntropy) { LabelSmoothing = eps }, Tensor2(scores, 2, 3), torch.tensor(labels));

        Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public void Cross_entropy_of_the_notes_example_is_0_417030()
    {
        double actual = Compute(new LossFunction(LossKind.CrossEntropy), Tensor2(new[] { 2.0, 1.0, 0.1 }, 1, 3), torch.tensor(new long[] { 0 }));
        Assert.Equal(0.417030, actual, 6);
    }

    [Fact]
    public void Weighted_nll_is_the_weighted_mean_of_minus_log_p_of_the_true_class()
    {
        double[] logp = { Math.Log(0.7), Math.Log(0.2), Math.Log(0.1), Math.Log(0.3), Math.Log(0.3), Math.Log(0.4) };
        long[] labels = { 1, 2 };
        double[] weights = { 1.0, 2.0, 0.5 };
        double expected = ((weights[1] * -logp[1]) + (weights[2] * -logp[5])) / (weights[1] + weights[2]);

        double actual = Compute(new LossFunction(LossKind.NLL) { ClassWeights = weights }, Tensor2(logp, 2, 3), torch.tensor(labels));

        Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public void Kl_divergence_is_the_per_sample_mean_of_sum_y_log_y_over_p()
    {
        double[] p = { 0.2, 0.3, 0.5, 0.6, 0.3, 0.1 };
        double[] y = { 0.1, 0.6, 0.3, 0.5, 0.25, 0.25 };
        double expected = p.Zip(y, (pi, yi) => yi * Math.Log(yi / pi)).Sum() / 2;

        double actual = Compute(new LossFunction(LossKind.KLDivergence), Tensor2(p.Select(x => Math.Log(x)).ToArray(), 2, 3), Tensor2(y, 2, 3));

        Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public void The_l2_penalty_adds_lambda_w_over_m_to_the_gradient()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var penalized = new PenalizedRegression();
        using var plain = new PlainRegression();
        plain.load_state_dict(penalized.state_dict());
        Tensor input = torch.randn(4, 3);
        Tensor target = torch.randn(4, 2);
        float[] w = TestData.Values(penalized.fc1.weight!);
        float[] b = TestData.Values(penalized.fc1.bias!);

        penalized.TrainStep(input, target);
        plain.TrainStep(input, target);

        // SGD with η 0.1: the penalized weights move by a further −η·λw/m (λ 0.5, m 4); biases are not penalized.
        float[] difference = TestData.Values(penalized.fc1.weight!).Zip(TestData.Values(plain.fc1.weight!), (p, q) => p - q).ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            Assert.Equal(-0.1 * 0.5 * w[i] / 4, difference[i], 6);
        }

        Assert.Equal(TestData.Values(plain.fc1.bias!), TestData.Values(penalized.fc1.bias!));
        Assert.NotEqual(b, TestData.Values(penalized.fc1.bias!));
    }

    [Fact]
    public void Clipping_by_norm_limits_the_step_to_lr_times_the_norm()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        using var model = new ClippedRegression();
        float[] before = TestData.Values(model.fc1.weight!).Concat(TestData.Values(model.fc1.bias!)).ToArray();

        model.TrainStep(torch.randn(8, 3) * 100, torch.randn(8, 2) * 100);

        float[] after = TestData.Values(model.fc1.weight!).Concat(TestData.Values(model.fc1.bias!)).ToArray();
        double stepNorm = Math.Sqrt(before.Zip(after, (x, y) => (double)(x - y) * (x - y)).Sum());
        Assert.Equal(0.1 * 0.01, stepNorm, 5);
    }

    private static Tensor Tensor2(double[] values, long rows, long columns) => torch.tensor(values, dtype: ScalarType.Float64).reshape(rows, columns);

    private static double Compute(LossFunction loss, Tensor output, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        return loss.forward(output, target).item<double>();
    }
}

using System;
using System.Linq;
using ModelGen.Training;
using Xunit;

namespace ModelGen.Runtime.Tests.Training.Formulas;

/// <summary>Each schedule's rate per epoch against numbers worked out by hand from its formula.</summary>
public sealed class ScheduleFormulaTests
{
    private static readonly EpochMetrics[] None = Array.Empty<EpochMetrics>();

    [Fact]
    public void Step_decay_halving_every_5_epochs_matches_the_notes()
    {
        var schedule = new StepDecay(5, 0.5);
        Assert.Equal(new[] { 0.1, 0.1, 0.05, 0.05, 0.025, 0.00625 }, new[] { 0, 4, 5, 9, 10, 20 }.Select(e => Round(schedule.Rate(e, 0.1, None))));
    }

    [Fact]
    public void Exponential_decay_is_gamma_to_the_epoch()
    {
        var schedule = new ExponentialDecay(0.9);
        Assert.Equal(new[] { 1.0, 0.9, 0.81, 0.729 }, Enumerable.Range(0, 4).Select(e => Round(schedule.Rate(e, 1.0, None))));
    }

    [Fact]
    public void Cyclic_is_a_triangle_between_min_and_max()
    {
        var schedule = new CyclicSchedule(0.001, 0.005, 2);
        Assert.Equal(
            new[] { 0.001, 0.003, 0.005, 0.003, 0.001, 0.003, 0.005 },
            Enumerable.Range(0, 7).Select(e => Round(schedule.Rate(e, 99, None))));
    }

    [Fact]
    public void Cosine_with_warm_restarts_jumps_back_after_each_period()
    {
        // T0 = 2, T_mult = 2: periods of 2 then 4 epochs; cos(π/2) = 0, cos(π/4) = √2/2, cos(3π/4) = −√2/2.
        var schedule = new CosineWarmRestarts(2, 2, 0.0);
        double[] expected = { 1.0, 0.5, 1.0, (1 + (Math.Sqrt(2) / 2)) / 2, 0.5, (1 - (Math.Sqrt(2) / 2)) / 2, 1.0 };
        Assert.Equal(expected.Select(Round), Enumerable.Range(0, 7).Select(e => Round(schedule.Rate(e, 1.0, None))));
    }

    [Fact]
    public void One_cycle_rises_to_the_max_then_anneals_to_max_over_d_times_d_final()
    {
        // E = 11, share 0.3: w = 2.3; d = 10, d_final = 100 → start 0.1, end 0.001.
        var schedule = new OneCycleSchedule(1.0, 11, 0.3, 10, 100);
        double Anneal(double a, double b, double p) => b + ((a - b) * (1 + Math.Cos(Math.PI * p)) / 2);
        Assert.Equal(Round(0.1), Round(schedule.Rate(0, 0, None)));
        Assert.Equal(Round(Anneal(0.1, 1.0, 2 / 2.3)), Round(schedule.Rate(2, 0, None)));
        Assert.Equal(Round(Anneal(1.0, 0.001, (5 - 2.3) / (10 - 2.3))), Round(schedule.Rate(5, 0, None)));
        Assert.Equal(Round(0.001), Round(schedule.Rate(10, 0, None)));
        double peak = Enumerable.Range(0, 11).Max(e => schedule.Rate(e, 0, None));
        Assert.True(peak > 0.95 && peak <= 1.0);
    }

    [Fact]
    public void Plateau_reduces_after_patience_epochs_without_improvement()
    {
        var schedule = new ReduceOnPlateau(Factor: 0.5, Patience: 2);
        double[] losses = { 1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8 };
        EpochMetrics[] history = losses.Select((l, i) => new EpochMetrics(i + 1, l, null, null, null, 1, TimeSpan.Zero)).ToArray();

        double[] rates = Enumerable.Range(0, losses.Length + 1).Select(e => schedule.Rate(e, 1.0, history.Take(e).ToArray())).ToArray();

        // Bad epochs: 3 (1), 4 (2), 5 (3 > 2 → halve after epoch 5); 6 improves; 7, 8, 9 bad → halve after 9.
        Assert.Equal(new[] { 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25 }, rates);
    }

    private static double Round(double value) => Math.Round(value, 12);
}

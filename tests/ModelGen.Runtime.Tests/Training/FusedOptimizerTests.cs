using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>
/// The flat layout and the fused optimizers of issue 11: parameters and gradients as views of two
/// flat buffers, and SGD, Adam and AdamW updating the whole buffer at once, equal step for step to
/// TorchSharp's own per-tensor optimizers on the same gradients (the reference is TorchSharp's
/// step(), never the code under test).
/// </summary>
public sealed class FusedOptimizerTests
{
    private static readonly long[][] Shapes = { new long[] { 7, 5 }, new long[] { 7 }, new long[] { 3, 2, 3, 3 }, new long[] { 1 } };

    public static TheoryData<string> Kinds => new() { "sgd", "sgd-decay", "momentum", "nesterov-decay", "adam", "adam-decay", "adamw" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fused_steps_equal_TorchSharps_optimizer_in_float32(string kind)
    {
        double difference = Compare(Settings(kind), ScalarType.Float32, steps: 25);

        Assert.True(difference <= 1e-6, $"{kind}: max |Δw| = {difference:E2} after 25 steps");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fused_steps_equal_TorchSharps_optimizer_in_float64(string kind)
    {
        double difference = Compare(Settings(kind), ScalarType.Float64, steps: 25);

        Assert.True(difference <= 1e-12, $"{kind}: max |Δw| = {difference:E2} after 25 steps");
    }

    [Theory]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void Fused_and_per_tensor_steps_share_the_optimizer_state(string kind)
    {
        // Fused, per-tensor, fused again: the per-parameter state is a view of the flat one, so the
        // sequence equals three per-tensor steps.
        double difference = Compare(Settings(kind), ScalarType.Float64, steps: 9, perTensorEvery: 3);

        Assert.True(difference <= 1e-12, $"{kind}: max |Δw| = {difference:E2}");
    }

    [Theory]
    [InlineData("nesterov-decay")]
    [InlineData("adamw")]
    public void A_saved_state_resumes_the_fused_optimizer(string kind)
    {
        OptimizerSettings settings = Settings(kind);
        var generator = new torch.Generator(3);
        List<Parameter> reference = Parameters(ScalarType.Float64, seed: 5);
        List<Parameter> fused = Parameters(ScalarType.Float64, seed: 5);
        using var flat = FlatParameters.TryCreate(fused)!;
        torch.optim.Optimizer plain = settings.Create(reference);
        torch.optim.Optimizer first = settings.Create(flat);
        for (int step = 0; step < 4; step++)
        {
            StepBoth(plain, reference, first, flat, Gradients(generator, ScalarType.Float64));
        }

        // Save, then resume in a new fused optimizer over the same layout.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ((OptimizerHelper)first).save_state_dict(writer);
        }

        stream.Position = 0;
        torch.optim.Optimizer second = settings.Create(flat);
        using (var reader = new BinaryReader(stream))
        {
            ((OptimizerHelper)second).load_state_dict(reader);
        }
        for (int step = 0; step < 4; step++)
        {
            StepBoth(plain, reference, second, flat, Gradients(generator, ScalarType.Float64));
        }

        Assert.True(MaxDifference(reference, fused) <= 1e-12, $"{kind}: max |Δw| = {MaxDifference(reference, fused):E2}");
    }

    [Fact]
    public void Parameters_and_gradients_are_views_of_the_flat_buffers()
    {
        List<Parameter> parameters = Parameters(ScalarType.Float32, seed: 1);
        float[][] before = parameters.Select(p => p.data<float>().ToArray()).ToArray();
        using var flat = FlatParameters.TryCreate(parameters)!;

        // The layout keeps every value, in parameters() order.
        Assert.Equal(before.SelectMany(v => v), flat.Values.data<float>().ToArray());
        using (torch.no_grad())
        {
            flat.Values.add_(1.0);
        }

        Assert.Equal(before[2][0] + 1, parameters[2].data<float>()[0], 6);
        Gradients_Set(parameters[1], torch.full(parameters[1].shape, 3.0f));
        Assert.Equal(3.0f, flat.Gradients[Shapes[0][0] * Shapes[0][1]].item<float>());
        Assert.True(flat.Describes(parameters));
        Assert.False(flat.Describes(parameters.Take(3)));
    }

    [Fact]
    public void One_NaN_in_any_gradient_makes_the_buffer_non_finite()
    {
        List<Parameter> parameters = Parameters(ScalarType.Float32, seed: 2);
        using var flat = FlatParameters.TryCreate(parameters)!;
        Assert.True(flat.GradientsFinite());

        using (torch.no_grad())
        {
            parameters[2].grad![1, 0, 2, 2] = torch.tensor(float.NaN);
        }

        Assert.False(flat.GradientsFinite());
    }

    [Fact]
    public void Finite_gradients_whose_sum_overflows_are_still_finite()
    {
        List<Parameter> parameters = Parameters(ScalarType.Float64, seed: 2);
        using var flat = FlatParameters.TryCreate(parameters)!;
        using (torch.no_grad())
        {
            flat.Gradients.fill_(double.MaxValue);
        }

        Assert.True(flat.GradientsFinite());
    }

    [Fact]
    public void A_frozen_parameter_is_not_moved_by_the_whole_buffer_update()
    {
        // Weight decay would move a frozen weight whose gradient is zero; the step goes per tensor instead.
        List<Parameter> parameters = Parameters(ScalarType.Float32, seed: 4);
        using var flat = FlatParameters.TryCreate(parameters)!;
        parameters[0].requires_grad = false;
        float[] frozen = parameters[0].data<float>().ToArray();
        torch.optim.Optimizer optimizer = new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1, WeightDecay = 0.5 }.Create(flat);
        foreach (Parameter parameter in parameters.Skip(1))
        {
            Gradients_Set(parameter, torch.ones(parameter.shape));
        }

        parameters[0].grad = null;
        OptimizerSettings.Step(optimizer, flat);

        Assert.False(flat.AllTrainable());
        Assert.Equal(frozen, parameters[0].data<float>().ToArray());
        Assert.NotEqual(1f, parameters[1].data<float>()[0]);
    }

    [Fact]
    public void Parameters_of_different_element_types_keep_separate_tensors()
    {
        var parameters = new List<Parameter>
        {
            new(torch.zeros(3, dtype: ScalarType.Float32)),
            new(torch.zeros(3, dtype: ScalarType.Float64)),
        };

        Assert.Null(FlatParameters.TryCreate(parameters));
        Assert.Null(FlatParameters.TryCreate(Array.Empty<Parameter>()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_generated_training_step_equals_TorchSharps_Adam_on_the_same_gradients(bool generatedBackward)
    {
        // DigitsMlp (with dropout) trains with Adam: its TrainStep uses the flat layout and FusedAdam; the reference
        // computes the same model's gradients and steps TorchSharp's Adam over separate tensors. With autograd,
        // zero_grad and the backward must keep the gradients in the flat buffer (in place), or the fused step
        // would read stale ones.
        torch.manual_seed(11);
        using var fused = new DigitsMlp { GeneratedBackward = generatedBackward };
        using var reference = new DigitsMlp { GeneratedBackward = generatedBackward };
        reference.load_state_dict(fused.state_dict());
        torch.optim.Optimizer adam = reference.OptimizerSettings.Create(reference.parameters().ToList());
        var generator = new torch.Generator(8);
        for (int step = 0; step < 12; step++)
        {
            Tensor x = torch.rand(new long[] { 16, 64 }, generator: generator);
            Tensor y = torch.randint(0, 10, new long[] { 16 }, dtype: ScalarType.Int64, generator: generator);
            // The same dropout masks on both sides: the same seed before each forward.
            torch.manual_seed(100 + step);
            float fusedLoss = fused.TrainStep(x, y);
            adam.zero_grad();
            torch.manual_seed(100 + step);
            float referenceLoss = reference.ComputeGradients(x, y);
            adam.step();
            Assert.Equal(referenceLoss, fusedLoss, 5);
        }

        Assert.IsAssignableFrom<IFusedOptimizer>(fused.Optimizer);
        double difference = MaxDifference(reference.parameters().ToList(), fused.parameters().ToList());
        Assert.True(difference <= 1e-5, $"max |Δw| after 12 steps = {difference:E2}");
    }

    private static double Compare(OptimizerSettings settings, ScalarType dtype, int steps, int perTensorEvery = 0)
    {
        var generator = new torch.Generator(17);
        List<Parameter> reference = Parameters(dtype, seed: 9);
        List<Parameter> fused = Parameters(dtype, seed: 9);
        using var flat = FlatParameters.TryCreate(fused)!;
        torch.optim.Optimizer plain = settings.Create(reference);
        torch.optim.Optimizer optimizer = settings.Create(flat);
        Assert.IsAssignableFrom<IFusedOptimizer>(optimizer);
        for (int step = 0; step < steps; step++)
        {
            bool perTensor = perTensorEvery > 0 && step % perTensorEvery == perTensorEvery - 1;
            StepBoth(plain, reference, optimizer, flat, Gradients(generator, dtype), perTensor);
        }

        return MaxDifference(reference, fused);
    }

    private static void StepBoth(torch.optim.Optimizer plain, List<Parameter> reference, torch.optim.Optimizer optimizer, FlatParameters flat, Tensor[] gradients, bool perTensor = false)
    {
        for (int i = 0; i < gradients.Length; i++)
        {
            reference[i].grad = gradients[i].clone();
            Gradients_Set(flat.Parameters[i], gradients[i]);
        }

        plain.step();
        if (perTensor)
        {
            optimizer.step();
        }
        else
        {
            Assert.True(((IFusedOptimizer)optimizer).TryStepFlat(flat));
        }
    }

    private static void Gradients_Set(Parameter parameter, Tensor value) => ModelGen.Training.Gradients.Set(parameter, value);

    private static Tensor[] Gradients(torch.Generator generator, ScalarType dtype) =>
        Shapes.Select(shape => torch.randn(shape, dtype: dtype, generator: generator)).ToArray();

    private static List<Parameter> Parameters(ScalarType dtype, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        return Shapes.Select(shape => new Parameter(torch.randn(shape, dtype: dtype, generator: generator))).ToList();
    }

    private static double MaxDifference(IReadOnlyList<Parameter> a, IReadOnlyList<Parameter> b) =>
        a.Zip(b, (x, y) => (x - y).abs().max().to(ScalarType.Float64).item<double>()).Max();

    private static OptimizerSettings Settings(string kind) => kind switch
    {
        "sgd" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1 },
        "sgd-decay" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.1, WeightDecay = 0.01 },
        "momentum" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.05, Momentum = 0.9 },
        "nesterov-decay" => new OptimizerSettings(OptimizerKind.SGD) { LearningRate = 0.05, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-3 },
        "adam" => new OptimizerSettings(OptimizerKind.Adam) { LearningRate = 0.01 },
        "adam-decay" => new OptimizerSettings(OptimizerKind.Adam) { LearningRate = 0.01, WeightDecay = 0.1 },
        "adamw" => new OptimizerSettings(OptimizerKind.AdamW) { LearningRate = 0.01, WeightDecay = 0.05 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

using ModelGen.Samples.Digits;
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using ModelGen.Benchmarks;
using TorchSharp;

// The digits CNN's generated TrainStep against the same network written by hand in TorchSharp:
// same initial weights (state_dict copied), same batches, timed in one process with the two
// interleaved in short ABBA blocks, then each one's memory growth over a run of steps. Short
// blocks matter on a shared machine: load from other processes comes in bursts of seconds, and
// alternating every few milliseconds makes both sides meet the same load, so the median of the
// paired per-round ratios stays stable where per-side medians do not.
//
// Then the MLP of issue 11 (the generated backward against a hand-written autograd step), an LSTM next-token model the same way, and the generator's time per model on a 100-model project.
//
// Then inference: the exported ONNX file in ONNX Runtime against TorchSharp's evaluation-mode forward.
//
//   dotnet run -c Release --project benchmarks/ModelGen.Benchmarks [-- --rounds 200 --block 10 --memory-steps 2000 --threads 1 --part all|digits|mlp|lstm|resnet|generator|inference]

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int rounds = Option("--rounds", 200);
int block = Option("--block", 10);
int memorySteps = Option("--memory-steps", 2000);
int threads = Option("--threads", 1);
string part = Array.IndexOf(args, "--part") is int partIndex && partIndex >= 0 && partIndex + 1 < args.Length ? args[partIndex + 1] : "all";
const int BatchSize = 64;
const int WarmupSteps = 300;

#if DEBUG
Console.Error.WriteLine("Build the benchmark in Release: dotnet run -c Release --project benchmarks/ModelGen.Benchmarks");
return 1;
#else
var clock = Stopwatch.StartNew();
torch.set_num_threads(threads);
if (Array.IndexOf(args, "--backward") >= 0)
{
    // The generated backward against autograd on the MLP, the digits CNN and the LSTM (see the README).
    BackwardBenchmark.Run(Array.IndexOf(args, "--rounds") >= 0 ? rounds : 60, block);
    Console.WriteLine($"total time {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

if (part == "inference")
{
    InferenceBenchmark.Run(rounds, block, threads);
    Console.WriteLine($"total time {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

if (part is "lstm" or "generator" or "mlp" or "resnet")
{
    // The LSTM comparison and the generator timing alone (see the README); the digits CNN is "digits" or "all".
    if (part == "lstm")
    {
        LstmBenchmark.Run(rounds, block);
    }
    else if (part == "mlp")
    {
        MlpBenchmark.Run(rounds, block);
    }
    else if (part == "resnet")
    {
        ResNetBenchmark.Run(rounds, block);
    }
    else
    {
        GeneratorTiming.Run(runs: 15);
    }

    Console.WriteLine($"total time {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

torch.manual_seed(20240);

var data = new SyntheticDigits(batches: 32, batchSize: BatchSize, seed: 7);
var generated = new DigitsNet();
var handWritten = new HandWrittenDigitsNet();
handWritten.load_state_dict(generated.state_dict());

// Same weights, same architecture: in evaluation mode both compute the same logits.
generated.eval();
handWritten.eval();
double initialDifference;
using (torch.NewDisposeScope())
{
    initialDifference = (generated.forward(data[0].Input) - handWritten.forward(data[0].Input)).abs().max().item<float>();
}

generated.train();
handWritten.train();

var gen = new Contender("generated", generated.TrainStep, data);
var hand = new Contender("hand-written", handWritten.TrainStep, data);

Console.WriteLine("ModelGen benchmark: digits CNN training step, generated vs hand-written TorchSharp");
Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, torch threads {torch.get_num_threads()}");
Console.WriteLine($"batch {BatchSize} of 1×8×8, CrossEntropy + Adam(lr 1e-3), {DigitsNet.ParameterCount:N0} parameters, {data.Batches.Count} seeded batches");
Console.WriteLine($"initial weights copied via state_dict ({generated.state_dict().Count} tensors); max |Δ| of eval logits on batch 0: {initialDifference:G3}");
Console.WriteLine($"warm-up {WarmupSteps} steps each; timing: {rounds} rounds × {block} steps each, interleaved ABBA");
Console.WriteLine();

for (int i = 0; i < WarmupSteps / 50; i++)
{
    gen.Run(50);
    hand.Run(50);
}

for (int round = 0; round < rounds; round++)
{
    (Contender first, Contender second) = round % 2 == 0 ? (gen, hand) : (hand, gen);
    first.RunTimedBlock(block);
    second.RunTimedBlock(block);
}

double[] pairedRatios = gen.BlockMilliseconds.Zip(hand.BlockMilliseconds, (g, h) => g / h).ToArray();
double medianGenerated = Statistics.Median(gen.BlockMilliseconds);
double medianHand = Statistics.Median(hand.BlockMilliseconds);
double ratio = Statistics.Median(pairedRatios);

Console.WriteLine("time per step (ms)   median     min     p90   last-block loss   managed bytes allocated per step");
foreach (Contender contender in new[] { gen, hand })
{
    Console.WriteLine($"{contender.Name,-18} {Statistics.Median(contender.BlockMilliseconds),8:F4} {contender.BlockMilliseconds.Min(),7:F4} {Statistics.Percentile(contender.BlockMilliseconds, 0.9),7:F4}   {contender.LastMeanLoss,8:F4}   {contender.LastAllocatedBytesPerStep,10:F0}");
}

Console.WriteLine();
Console.WriteLine($"ratio generated/hand-written: {ratio:F4} (median of {rounds} paired rounds; ratio of medians {medianGenerated / medianHand:F4}; ratio of minimums {gen.BlockMilliseconds.Min() / hand.BlockMilliseconds.Min():F4}; paired p10..p90 {Statistics.Percentile(pairedRatios, 0.1):F4}..{Statistics.Percentile(pairedRatios, 0.9):F4})   target ≤ 1.02: {(ratio <= 1.02 ? "met" : "NOT met")}");
Console.WriteLine();

// Memory: each contender runs alone for a segment of steps, in ABBA order so that neither is
// always first to meet the allocator's one-off growth; readings after a full GC at each quarter.
Console.WriteLine($"memory growth per segment of {memorySteps:N0} steps, run alone, ABBA order (full GC before each reading)");
Console.WriteLine("segment  model               working set   private bytes   managed heap   live tensors   working set at 0/¼/½/¾/1 of the segment (MiB)");
var growths = new System.Collections.Generic.Dictionary<Contender, System.Collections.Generic.List<MemorySnapshot>> { [gen] = new(), [hand] = new() };
int segment = 0;
foreach (Contender contender in new[] { gen, hand, hand, gen })
{
    // A reading taken straight after another is lower (the second collection lets the runtime
    // and malloc give pages back), so every reading, the first included, follows running steps.
    contender.Run(50);
    var readings = new System.Collections.Generic.List<MemorySnapshot> { MemorySnapshot.Take() };
    for (int quarter = 0; quarter < 4; quarter++)
    {
        contender.Run(memorySteps / 4);
        readings.Add(MemorySnapshot.Take());
    }

    MemorySnapshot growth = readings[^1] - readings[0];
    growths[contender].Add(growth);
    Console.WriteLine($"{++segment,7}  {contender.Name,-18} {Mib(growth.WorkingSet),9} MiB {Mib(growth.PrivateBytes),11} MiB {Kib(growth.Managed),10} KiB {growth.LiveTensors,14:+0;-0;0}   {string.Join(" / ", readings.Select(r => (r.WorkingSet / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture)))}");
}

Console.WriteLine();
foreach (Contender contender in new[] { gen, hand })
{
    MemorySnapshot first = growths[contender][0];
    MemorySnapshot second = growths[contender][1];
    Console.WriteLine($"{contender.Name,-18} growth over {memorySteps:N0} steps: working set {Mib(first.WorkingSet)} then {Mib(second.WorkingSet)} MiB, private {Mib(first.PrivateBytes)} then {Mib(second.PrivateBytes)} MiB, managed {Kib(first.Managed)} then {Kib(second.Managed)} KiB, live tensors {first.LiveTensors:+0;-0;0} then {second.LiveTensors:+0;-0;0}");
}

Console.WriteLine();
(CallCost checkInput, CallCost train, CallCost optimizerGetter) = MicroCosts.Measure(generated, data[0].Input, calls: 20_000);
CallCost generatedForward = MicroCosts.Forward(generated, data[0].Input, calls: 2_000);
CallCost handForward = MicroCosts.Forward(handWritten, data[0].Input, calls: 2_000);
Console.WriteLine($"forward alone (no_grad, per call): generated {generatedForward}; hand-written {handForward}");
CallCost generatedEnumeration = MicroCosts.EnumerateParameters(generated, calls: 20_000);
CallCost handEnumeration = MicroCosts.EnumerateParameters(handWritten, calls: 20_000);
Console.WriteLine($"parameters() enumeration, which TorchSharp's optimizer repeats in zero_grad() and step(): generated ({generated.named_children().Count()} submodules) {generatedEnumeration}; hand-written ({handWritten.named_children().Count()} submodules) {handEnumeration}");
double enumerationExtra = 2 * (generatedEnumeration.Microseconds - handEnumeration.Microseconds);
double extras = checkInput.Microseconds + train.Microseconds + optimizerGetter.Microseconds + enumerationExtra;
Console.WriteLine($"extras of the generated step, per call: ModelGuard.CheckInput {checkInput}; train() {train}; Optimizer getter {optimizerGetter}");
Console.WriteLine($"generated-only work per step ≈ {extras:F2} µs (the three extras + 2 × {generatedEnumeration.Microseconds - handEnumeration.Microseconds:F2} µs of longer parameter walks) = {extras / (medianGenerated * 1000) * 100:F2} % of a step");
Console.WriteLine();
if (part == "all")
{
    MlpBenchmark.Run(rounds, block);
    Console.WriteLine();
    LstmBenchmark.Run(rounds, block);
    Console.WriteLine();
    ResNetBenchmark.Run(Math.Max(1, rounds / 5), Math.Max(1, block / 2));
    Console.WriteLine();
    GeneratorTiming.Run(runs: 15);
    Console.WriteLine();
}

Console.WriteLine($"total time {clock.Elapsed.TotalSeconds:F1} s");
return 0;
#endif

static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

static string Kib(long bytes) => (bytes / 1024.0).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

int Option(string name, int fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
        ? value
        : fallback;
}

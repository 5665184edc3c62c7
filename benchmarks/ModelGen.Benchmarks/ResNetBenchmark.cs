using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// A small ResNet on 3×32×32 (stem, two stages of two basic blocks, the second stage with a
    /// projection shortcut), declared with [Block]/[Repeat]/[Shortcut], against the same network
    /// written by hand in TorchSharp as torchvision writes it: same weights (state_dict copied),
    /// same batches, interleaved ABBA rounds; the headline is the median of the paired per-round
    /// ratios, as for the digits CNN.
    /// </summary>
    internal static class ResNetBenchmark
    {
        public const int BatchSize = 32;

        public static double Run(int rounds, int block)
        {
            torch.manual_seed(20242);
            var generated = new BenchmarkResNet();
            var handWritten = new HandWrittenResNet();
            handWritten.load_state_dict(generated.state_dict());

            var generator = new torch.Generator(13);
            var batches = Enumerable.Range(0, 16)
                .Select(_ => (randn(new long[] { BatchSize, 3, 32, 32 }, generator: generator),
                              randint(0, 10, new long[] { BatchSize }, dtype: ScalarType.Int64, generator: generator)))
                .ToList();

            generated.eval();
            handWritten.eval();
            double difference;
            using (NewDisposeScope())
            {
                difference = (generated.forward(batches[0].Item1) - handWritten.forward(batches[0].Item1)).abs().max().item<float>();
            }

            var sides = new (string Name, Func<Tensor, Tensor, float> Step, List<double> Blocks)[]
            {
                ("generated", generated.TrainStep, new List<double>()),
                ("hand-written", handWritten.TrainStep, new List<double>()),
            };
            long step = 0;
            double RunBlock(Func<Tensor, Tensor, float> train, int steps)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < steps; i++)
                {
                    (Tensor x, Tensor y) = batches[(int)(step++ % batches.Count)];
                    train(x, y);
                }

                return Stopwatch.GetElapsedTime(start).TotalMilliseconds / steps;
            }

            for (int i = 0; i < 3; i++)
            {
                RunBlock(sides[0].Step, 5);
                RunBlock(sides[1].Step, 5);
            }

            for (int round = 0; round < rounds; round++)
            {
                int first = round % 2;
                sides[first].Blocks.Add(RunBlock(sides[first].Step, block));
                sides[1 - first].Blocks.Add(RunBlock(sides[1 - first].Step, block));
            }

            double[] paired = sides[0].Blocks.Zip(sides[1].Blocks, (g, h) => g / h).ToArray();
            double ratio = Statistics.Median(paired);
            Console.WriteLine($"small ResNet: 3×32×32 → stem 16 → 2 × BasicBlock(16) → 2 × BasicBlock(32, stride 2, projection) → pool → Linear(10), {BenchmarkResNet.ParameterCount:N0} parameters, batch {BatchSize}, CrossEntropy + Adam");
            Console.WriteLine($"initial weights copied via state_dict; max |Δ| of eval logits on batch 0: {difference:G3}");
            foreach ((string name, _, List<double> blocks) in sides)
            {
                Console.WriteLine($"{name,-18} median {Statistics.Median(blocks),8:F4} ms/step   min {blocks.Min(),8:F4}");
            }

            Console.WriteLine($"ResNet ratio generated/hand-written: {ratio:F4} (median of {rounds} paired rounds of {block} steps; p10..p90 {Statistics.Percentile(paired, 0.1):F4}..{Statistics.Percentile(paired, 0.9):F4})");
            return ratio;
        }
    }

    /// <summary>torchvision's BasicBlock, declared.</summary>
    [Block]
    [Conv2d(Block.Width, Kernel = 3, Stride = Block.Stride, Padding = 1, Bias = false, Name = "conv1")]
    [BatchNorm2d(Name = "bn1"), ReLU(Name = "relu")]
    [Conv2d(Block.Width, Kernel = 3, Padding = 1, Bias = false, Name = "conv2")]
    [BatchNorm2d(Name = "bn2")]
    [Shortcut(Name = "downsample")]
    [ReLU]
    public partial class BenchmarkBasicBlock;

    /// <summary>The benchmark's small ResNet, declared in the DSL.</summary>
#pragma warning disable MG0003
    [Model(3, 32, 32)]
    [Conv2d(16, Kernel = 3, Padding = 1, Bias = false, Name = "conv1"), BatchNorm2d(Name = "bn1"), ReLU(Name = "relu")]
    [Repeat<BenchmarkBasicBlock>(2, Width = 16, Stride = 1, Name = "layer1")]
    [Repeat<BenchmarkBasicBlock>(2, Width = 32, Stride = 2, Name = "layer2")]
    [AdaptiveAvgPool2d(1, Name = "avgpool"), Flatten(Name = "flatten")]
    [Linear(10, Name = "fc")]
    [Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
    public partial class BenchmarkResNet;
#pragma warning restore MG0003

    /// <summary>torchvision's BasicBlock written by hand (one relu module, applied twice).</summary>
    internal sealed class HandWrittenBasicBlock : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly ReLU relu = nn.ReLU();
        private readonly Conv2d conv2;
        private readonly BatchNorm2d bn2;
        private readonly Sequential? downsample;
#pragma warning restore IDE1006

        public HandWrittenBasicBlock(long inplanes, long planes, long stride)
            : base(nameof(HandWrittenBasicBlock))
        {
            conv1 = nn.Conv2d(inplanes, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = nn.BatchNorm2d(planes);
            conv2 = nn.Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(planes);
            if (stride != 1 || inplanes != planes)
            {
                downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride: stride, bias: false), nn.BatchNorm2d(planes));
            }

            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            Tensor identity = downsample is null ? x : downsample.forward(x);
            Tensor output = bn2.forward(conv2.forward(relu.forward(bn1.forward(conv1.forward(x)))));
            return relu.forward(output.add(identity));
        }
    }

    /// <summary>The same small ResNet written by hand, torchvision's way: fields named like the generated ones, so the state_dict loads.</summary>
    internal sealed class HandWrittenResNet : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006
        private readonly Conv2d conv1 = nn.Conv2d(3, 16, 3, padding: 1, bias: false);
        private readonly BatchNorm2d bn1 = nn.BatchNorm2d(16);
        private readonly ReLU relu = nn.ReLU();
        private readonly Sequential layer1 = nn.Sequential(new HandWrittenBasicBlock(16, 16, 1), new HandWrittenBasicBlock(16, 16, 1));
        private readonly Sequential layer2 = nn.Sequential(new HandWrittenBasicBlock(16, 32, 2), new HandWrittenBasicBlock(32, 32, 1));
        private readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(1);
        private readonly Linear fc = nn.Linear(32, 10);
#pragma warning restore IDE1006
        private readonly CrossEntropyLoss _loss = nn.CrossEntropyLoss();
        private readonly optim.Optimizer _optimizer;

        public HandWrittenResNet()
            : base(nameof(HandWrittenResNet))
        {
            RegisterComponents();
            _optimizer = optim.Adam(parameters(), lr: 1e-3);
        }

        public override Tensor forward(Tensor input)
        {
            Tensor x = relu.forward(bn1.forward(conv1.forward(input)));
            x = layer2.forward(layer1.forward(x));
            return fc.forward(avgpool.forward(x).flatten(1));
        }

        public float TrainStep(Tensor input, Tensor target)
        {
            train();
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            Tensor loss = _loss.forward(forward(input), target);
            float value = loss.item<float>();
            loss.backward();
            _optimizer.step();
            return value;
        }
    }
}

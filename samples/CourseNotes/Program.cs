using System;
using System.Globalization;
using System.Linq;
using ModelGen.Samples.CourseNotes;
using TorchSharp;
using static ModelGen.Samples.CourseNotes.WorkedExamples;

// The course notes' worked examples, computed by declared models (see WorkedExamples.cs).
//   dotnet run --project samples/CourseNotes
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
torch.manual_seed(1);
static string Show(double[] values) => "[" + string.Join(", ", values.Select(v => Math.Round(v, 4).ToString(CultureInfo.InvariantCulture))) + "]";

Console.WriteLine("Perceptron with w0 = 6, w1 = w2 = -5 on (0,0), (0,1), (1,0), (1,1):");
Console.WriteLine($"  pre-activations {Show(Run(Nand(new Perceptron()), TruthTable()))}   (notes: 6, 1, 1, -4)");
var nand = Nand(new StepUnit());
Console.WriteLine($"  step outputs    {Show(Run(nand, TruthTable()))}   NAND (notes: 1, 1, 1, 0)");
double[][] pairs = { new double[] { 0, 0 }, new double[] { 0, 1 }, new double[] { 1, 0 }, new double[] { 1, 1 } };
Console.WriteLine($"  NOT 0, NOT 1: {Not(nand, 0)}, {Not(nand, 1)}");
Console.WriteLine($"  AND: {string.Join(", ", pairs.Select(p => And(nand, p[0], p[1])))}   OR: {string.Join(", ", pairs.Select(p => Or(nand, p[0], p[1])))}   XOR (four NAND units): {string.Join(", ", pairs.Select(p => Xor(nand, p[0], p[1])))}");
using (var single = new XorSingleUnit())
using (var hidden = new XorHiddenLayer())
{
    Console.WriteLine($"XOR trained 500 steps: one unit best accuracy {TrainXor(single, 500):P0} (a line cannot separate it); one hidden layer {TrainXor(hidden, 500):P0}");
}

var full = new FullConv1d();
SetWeights(full, "conv1.weight", 1, 2);
var valid = new ValidConv1d();
SetWeights(valid, "conv1.weight", 1, 2);
var f = torch.tensor(new float[] { 1, 2, 3 }).reshape(1, 1, 3);
Console.WriteLine($"1-D: f = [1, 2, 3], g = [2, 1] (the layer's kernel reversed, [1, 2]): full {Show(Run(full, f))} (notes [2, 5, 8, 3]), valid {Show(Run(valid, f))} (notes [5, 8])");

var conv = new Conv2x2();
SetWeights(conv, "conv1.weight", 1, 0.5, 0.5, 1);
Console.WriteLine($"2-D: [[1,2,1],[2,1,1],[1,1,1]] with [[1,0.5],[0.5,1]]: {Show(Run(conv, torch.tensor(new float[] { 1, 2, 1, 2, 1, 1, 1, 1, 1 }).reshape(1, 1, 3, 3)))} (notes [[4, 4], [4, 3]])");
var pool = new ConvReluPool();
SetWeights(pool, "conv1.weight", 1, 0, 0, 1);
Console.WriteLine($"MaxPool(ReLU(Conv(I))), I = [[1,0,2],[3,1,0],[0,0,4]], F = [[1,0],[0,1]]: {Show(Run(pool, torch.tensor(new float[] { 1, 0, 2, 3, 1, 0, 0, 0, 4 }).reshape(1, 1, 3, 3)))} (notes 5)");

using (var lstm = ScalarLstmWeights(new ScalarLstm()))
{
    Console.WriteLine($"Scalar LSTM on x = [0, 0, 1, 1, 1, 0]: h = {Show(Run(lstm, LstmInput()))} (notes [0, 0, 1, -1, 1, 0], exactly [0, 0, 0.7616, -0.7616, 0.7616, -0.3808])");
    lstm.train();
    torch.Tensor target = torch.zeros(1, 6, 1);
    // An LSTM trains with autograd by default (libtorch's fused kernel is faster); here the generated BPTT is compared with it.
    lstm.GeneratedBackward = true;
    float generatedLoss = lstm.ComputeGradients(LstmInput(), target);
    var generated = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
    lstm.GeneratedBackward = false;
    lstm.ComputeGradients(LstmInput(), target);
    double worst = lstm.named_parameters().Max(p => (p.parameter.grad! - generated[p.name]).abs().max().item<float>());
    Console.WriteLine($"  its BPTT gradients (MSE against 0, loss {generatedLoss:F4}): generated vs autograd, largest difference {worst:E2}");
}

Console.WriteLine($"Output sizes: 28×28×3, 16 filters 5×5 → {Filters16.OutputShape} with {Filters16.ParameterCount:N0} parameters; 6×6, 3×3 padding 1 → {SamePadding.OutputShape}; AlexNet conv1 on 227×227 → {AlexNetFirst227.OutputShape}, on 224×224 with padding 2 → {AlexNetFirst224.OutputShape}");
return 0;

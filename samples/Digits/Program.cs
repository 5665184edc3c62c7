using System;
using ModelGen.Samples.Digits;
using ModelGen;
using TorchSharp;

var model = new DigitsNet();
Console.WriteLine(DigitsNet.Summary);
var x = torch.randn(4, 1, 8, 8);
Console.WriteLine(TensorShape.Format(model.forward(x).shape));
var y = torch.tensor(new long[] { 1, 2, 3, 4 });
Console.WriteLine(model.TrainStep(x, y));

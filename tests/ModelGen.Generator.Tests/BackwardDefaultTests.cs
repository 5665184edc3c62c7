using System.Linq;
using ModelGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelGen.Generator.Tests;

/// <summary>
/// Which backward a model trains with by default: the generated one, unless a layer's entry says
/// libtorch's kernel is measurably faster there (an LSTM on dense input, not after an Embedding; a
/// convolution on maps of 32×32 or more), inside blocks too; the generated backward stays one property away.
/// </summary>
public sealed class BackwardDefaultTests
{
    private const string Training = "[Loss(LossKind.CrossEntropy), Optimizer(OptimizerKind.SGD)]\n";

    [Theory]
    [InlineData("[Model(3, 16, 16)]\n[Conv2d(8, Kernel = 3, Padding = 1), ReLU, Flatten, Linear(2)]\n", true)]
    [InlineData("[Model(3, 32, 32)]\n[Conv2d(8, Kernel = 3, Padding = 1), ReLU, Flatten, Linear(2)]\n", false)]
    [InlineData("[Model(3, 34, 34)]\n[Conv2d(8, Kernel = 3), Flatten, Linear(2)]\n", false)]
    [InlineData("[Model(3, 34, 34)]\n[Conv2d(8, Kernel = 3, Stride = 2), Flatten, Linear(2)]\n", true)]
    [InlineData("[Model(4, SequenceLength = \"L\")]\n[GRU(8, ReturnSequences = false), Linear(2)]\n", true)]
    [InlineData("[Model(4, SequenceLength = \"L\")]\n[LSTM(8, ReturnSequences = false), Linear(2)]\n", false)]
    [InlineData("[Model(4, SequenceLength = \"L\", Autograd = true)]\n[GRU(8, ReturnSequences = false), Linear(2)]\n", false)]

    // After an Embedding the LSTM multiplies the table (x·W_ihᵀ = (E·W_ihᵀ)[ids]) and the generated step is the faster one.
    [InlineData("[Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]\n[Embedding(20, 8), LSTM(8, ReturnSequences = false), Linear(2)]\n", true)]

    // A second layer reads the first one's dense output: libtorch's fused kernel is faster there.
    [InlineData("[Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]\n[Embedding(20, 8), LSTM(8, NumLayers = 2, ReturnSequences = false), Linear(2)]\n", false)]

    // With another layer between them the LSTM reads positions, as on dense input.
    [InlineData("[Model(SequenceLength = \"L\", Input = InputKind.TokenIds)]\n[Embedding(20, 8), Linear(8), LSTM(8, ReturnSequences = false), Linear(2)]\n", false)]
    public void The_default_follows_the_measured_costs(string model, bool generated)
    {
        string text = Generate(model + Training + "public partial class Net;");

        Assert.Contains($"public bool GeneratedBackward {{ get; set; }} = {(generated ? "true" : "false")};", text);
        Assert.Equal(!generated && !model.Contains("Autograd = true"), text.Contains("// Autograd by default: "));
        // The generated Backward exists either way: the property switches to it.
        Assert.Contains("private void Backward(Tape t, global::TorchSharp.torch.Tensor g)", text);
    }

    [Fact]
    public void A_large_convolution_inside_a_block_sets_the_default_and_is_named()
    {
        string text = Generate("""
            [Block]
            [Conv2d(Block.Width, Kernel = 3, Padding = 1), ReLU]
            public partial class Wide;

            [Model(3, 32, 32)]
            [Block<Wide>(Width = 4), Flatten, Linear(2)]
            """ + "\n" + Training + "public partial class Net;");

        Assert.Contains("public bool GeneratedBackward { get; set; } = false;", text);
        Assert.Contains("// Autograd by default: Conv2d(Block.Width, Kernel = 3, Padding = 1) computes 32×32 maps, where libtorch's fused convolution backward is about twice as fast as the generated pair of convolutions; set GeneratedBackward = true for the generated Backward below.", text);
    }

    private static string Generate(string body)
    {
        string source = "using ModelGen;\n\nnamespace Samples;\n\n" + body + "\n";
        (Microsoft.CodeAnalysis.GeneratorDriverRunResult result, Microsoft.CodeAnalysis.Compilation output) = TestCompilation.Run(source);
        Assert.Empty(TestCompilation.Problems(output));
        return string.Join("\n", result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
    }
}

using System.Threading.Tasks;
using ModelGen.Domain;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0003's fix: the padding that makes (W + 2P − D·(F − 1) − 1) a multiple of the stride.</summary>
public sealed class StrideRemainderCodeFixTests
{
    [Theory]
    // P, remainder r, stride S, largest padding → the exact padding
    [InlineData(0, 1, 3, int.MaxValue, 1)]   // 7 − 3 = 4 ≡ 1 (mod 3): pad 1 → 6, one more window
    [InlineData(1, 2, 4, int.MaxValue, 0)]   // r even: P − r/2 keeps the output size
    [InlineData(3, 2, 3, int.MaxValue, 2)]
    [InlineData(0, 2, 4, int.MaxValue, 1)]   // r even but P < r/2: S − r = 2 → P + 1
    [InlineData(0, 1, 2, int.MaxValue, null)] // r odd, S − r odd: no symmetric padding works
    [InlineData(1, 1, 3, 1, null)]           // a pool's padding may not exceed half its window
    public void ExactPaddingFollowsTheOutputSizeRule(int padding, int remainder, int stride, int maxPadding, int? expected) =>
        Assert.Equal(expected, Window.ExactPadding(padding, remainder, stride, maxPadding));

    [Fact]
    public Task Conv2d_GetsThePaddingThatReadsEveryRow()
    {
        // 7 − 3 + 2·0 = 4 is not a multiple of 3 on either axis; with padding 1: (7 + 2 − 3) / 3 + 1 = 3, nothing left over.
        var test = new ReviewFixTest(
            Source("""
                [Model(1, 7, 7)]
                [{|#0:{|#1:Conv2d(2, Kernel = 3, Stride = 3)|}|}]
                public partial class Strided { }
                """),
            Source("""
                [Model(1, 7, 7)]
                [Conv2d(2, Kernel = 3, Stride = 3, PaddingHeight = 1, PaddingWidth = 1)]
                public partial class Strided { }
                """));
        test.ExpectedDiagnostics.Add(At(0, StrideRemainder, "Conv2d(2, Kernel = 3, Stride = 3): the model input is 1×7×7, and on the height axis 4 is not a multiple of the stride 3 (height = floor((7 − 3 + 2·0) / 3) + 1 = 2); the last row of the padded input is never read"));
        test.NumberOfIncrementalIterations = 2; // one fix per axis
        test.NumberOfFixAllIterations = 2;
        test.ExpectedDiagnostics.Add(At(1, StrideRemainder, "Conv2d(2, Kernel = 3, Stride = 3): the model input is 1×7×7, and on the width axis 4 is not a multiple of the stride 3 (width = floor((7 − 3 + 2·0) / 3) + 1 = 2); the last column of the padded input is never read"));
        return test.RunAsync();
    }

    [Fact]
    public Task Conv1d_UsesPadding()
    {
        // Length 9, kernel 3, stride 4: 9 − 3 = 6 ≡ 2 (mod 4), r even, P = 0 < 1 → P + (4 − 2)/2 = 1.
        var test = new ReviewFixTest(
            Source("""
                [Model(2, 9)]
                [{|#0:Conv1d(4, Kernel = 3, Stride = 4)|}]
                public partial class Strided1d { }
                """),
            Source("""
                [Model(2, 9)]
                [Conv1d(4, Kernel = 3, Stride = 4, Padding = 1)]
                public partial class Strided1d { }
                """));
        test.ExpectedDiagnostics.Add(At(0, StrideRemainder, "Conv1d(4, Kernel = 3, Stride = 4): the model input is 2×9, and on the length axis 6 is not a multiple of the stride 4 (length = floor((9 − 3 + 2·0) / 4) + 1 = 2); the last 2 positions of the padded input are never read"));
        return test.RunAsync();
    }
}

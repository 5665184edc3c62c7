using System;
using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// The sliding-window arithmetic that 2-D convolution and pooling share (ONNX's
    /// <c>convPoolShapeInference</c>): argument checks, and per axis the output-size rule
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1, with its diagnostics.
    /// </summary>
    internal static class Window2d
    {
        public static IEnumerable<string> Check(string display, Pair kernel, Pair stride, Pair padding, Pair? dilation)
        {
            if (kernel.Height <= 0 || kernel.Width <= 0)
            {
                yield return $"{display}: the kernel size must be positive, got {kernel}";
            }

            if (stride.Height <= 0 || stride.Width <= 0)
            {
                yield return $"{display}: the stride must be positive, got {stride}";
            }

            if (padding.Height < 0 || padding.Width < 0)
            {
                yield return $"{display}: the padding must be zero or positive, got {padding}";
            }

            if (dilation is Pair d && (d.Height <= 0 || d.Width <= 0))
            {
                yield return $"{display}: the dilation must be positive, got {d}";
            }
        }

        /// <summary>
        /// The output height and width for a C×H×W input, or null after reporting a rank mismatch,
        /// an empty output or an overflow. A stride that drops rows or columns is a warning.
        /// </summary>
        public static (int Height, int Width)? Infer(string display, Pair kernel, Pair stride, Pair padding, Pair dilation, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count != 3)
            {
                context.Fail(ProblemKind.RankMismatch, $"{display} needs a C×H×W feature map but {context.Source}");
                return null;
            }

            AxisResult height = Axis(input[1], kernel.Height, stride.Height, padding.Height, dilation.Height);
            AxisResult width = Axis(input[2], kernel.Width, stride.Width, padding.Width, dilation.Width);

            if (height.Output <= 0 || width.Output <= 0)
            {
                long minHeight = Math.Max(1, height.Span - (2L * padding.Height));
                long minWidth = Math.Max(1, width.Span - (2L * padding.Width));
                AxisResult broken = height.Output <= 0 ? height : width;
                string axis = height.Output <= 0 ? "height" : "width";
                context.Fail(ProblemKind.EmptyOutput,
                    $"{display} needs an input of at least {minHeight}×{minWidth} but {context.Source}: {axis} = {broken.Formula} = {broken.Output}");
                return null;
            }

            if (height.Output > int.MaxValue || width.Output > int.MaxValue)
            {
                context.Fail(ProblemKind.InvalidArgument, $"{display}: the padding makes the output larger than a dimension can hold");
                return null;
            }

            foreach ((AxisResult result, string axis) in new[] { (height, "height"), (width, "width") })
            {
                if (result.Remainder != 0)
                {
                    context.Report(ProblemKind.StrideRemainder,
                        $"{display}: {context.Source}, and on the {axis} axis {result.Numerator} is not a multiple of the stride {result.Stride} ({axis} = {result.Formula} = {result.Output}); {(result.Remainder == 1 ? $"the last {(axis == "height" ? "row" : "column")} of the padded input is never read" : $"the last {result.Remainder} {(axis == "height" ? "rows" : "columns")} of the padded input are never read")}");
                }
            }

            return ((int)height.Output, (int)width.Output);
        }

        /// <summary>out = floor((W + 2P − D·(F − 1) − 1) / S) + 1, shown as floor((W − F + 2P) / S) + 1 when D = 1.</summary>
        private static AxisResult Axis(int size, int kernel, int stride, int padding, int dilation)
        {
            long span = ((long)dilation * (kernel - 1)) + 1;
            long numerator = size + (2L * padding) - span;
            long output = FloorDiv(numerator, stride) + 1;
            string formula = dilation == 1
                ? $"floor(({size} − {kernel} + 2·{padding}) / {stride}) + 1"
                : $"floor(({size} + 2·{padding} − {dilation}·({kernel} − 1) − 1) / {stride}) + 1";
            long remainder = numerator >= 0 ? numerator % stride : 0;
            return new AxisResult(output, span, numerator, stride, remainder, formula);
        }

        private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

        private readonly record struct AxisResult(long Output, long Span, long Numerator, int Stride, long Remainder, string Formula);
    }
}

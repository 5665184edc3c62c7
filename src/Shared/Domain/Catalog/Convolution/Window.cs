using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The sliding-window arithmetic that convolutions and pools of every rank share (ONNX's
    /// <c>convPoolShapeInference</c>, Keras' <c>compute_conv_output_shape</c>): reading per-axis
    /// arguments, argument checks, and per axis the output-size rule
    /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1 (ceil instead of floor in a pool's ceil
    /// mode, where PyTorch drops a last window that would start in the right padding), with its
    /// diagnostics. Axes are named length (1-D), height and width (2-D), depth, height and width (3-D).
    /// </summary>
    internal static class Window
    {
        private static readonly string[][] AxisNames =
        {
            new[] { "length" },
            new[] { "height", "width" },
            new[] { "depth", "height", "width" },
        };

        /// <summary>The property suffixes that override one axis: none for 1-D, <c>Height</c>/<c>Width</c>, <c>Depth</c>/<c>Height</c>/<c>Width</c>.</summary>
        private static readonly string[][] AxisSuffixes =
        {
            Array.Empty<string>(),
            new[] { "Height", "Width" },
            new[] { "Depth", "Height", "Width" },
        };

        /// <summary>The per-sample input a window of <paramref name="rank"/> axes slides over: <c>C×L</c>, <c>C×H×W</c>, <c>C×D×H×W</c>.</summary>
        public static string MapShape(int rank) => rank switch
        {
            1 => "C×L",
            2 => "C×H×W",
            _ => "C×D×H×W",
        };

        /// <summary>
        /// The padding that makes (W + 2P − D·(F − 1) − 1) a multiple of S on one axis, so no row is
        /// left unread: P − r/2 keeps the output size when the remainder r is even; otherwise
        /// P + (S − r)/2 reads one more window when S − r is even; null when neither is a whole
        /// number or the result is out of range (pools allow at most half the window).
        /// </summary>
        public static int? ExactPadding(int padding, long remainder, int stride, int maxPadding)
        {
            long candidate = remainder % 2 == 0 && padding >= remainder / 2
                ? padding - (remainder / 2)
                : (stride - remainder) % 2 == 0 ? padding + ((stride - remainder) / 2) : -1;
            return candidate >= 0 && candidate <= maxPadding ? (int)candidate : null;
        }

        /// <summary>The names of the axes of a window of <paramref name="rank"/> axes.</summary>
        public static IReadOnlyList<string> Names(int rank) => AxisNames[Math.Min(Math.Max(rank, 1), 3) - 1];

        /// <summary>
        /// Reads <c>{name}</c> for every axis, then the per-axis overrides (<c>{name}Height</c>,
        /// <c>{name}Width</c>, <c>{name}Depth</c>) where the rank has them.
        /// </summary>
        public static Axes Read(DeclaredArguments args, string name, int rank, int fallback)
        {
            int all = args.Int(name, fallback);
            return Read(args, name, rank, all, _ => all);
        }

        /// <summary>
        /// Like <see cref="Read(DeclaredArguments, string, int, int)"/>, for an axis whose
        /// default depends on the axis (a pool's stride defaults to its window): an axis takes
        /// <paramref name="unset"/> when neither <c>{name}</c> nor its override is written.
        /// </summary>
        public static Axes Read(DeclaredArguments args, string name, int rank, int all, Func<int, int> unset)
        {
            string[] suffixes = AxisSuffixes[Math.Min(Math.Max(rank, 1), 3) - 1];
            var values = new int[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                string? suffix = suffixes.Length > axis ? suffixes[axis] : null;
                if (suffix is not null && args.Has(name + suffix))
                {
                    values[axis] = args.Int(name + suffix, all);
                }
                else
                {
                    values[axis] = args.Has(name) ? all : unset(axis);
                }
            }

            return Axes.Of(values);
        }

        public static IEnumerable<string> Check(string display, Axes kernel, Axes stride, Axes padding, Axes? dilation)
        {
            if (kernel.Any(v => v <= 0))
            {
                yield return $"{display}: the kernel size must be positive, got {kernel}";
            }

            if (stride.Any(v => v <= 0))
            {
                yield return $"{display}: the stride must be positive, got {stride}";
            }

            if (padding.Any(v => v < 0))
            {
                yield return $"{display}: the padding must be zero or positive, got {padding}";
            }

            if (dilation is Axes d && d.Any(v => v <= 0))
            {
                yield return $"{display}: the dilation must be positive, got {d}";
            }
        }

        /// <summary>Reports that the input is not a C×… feature map of the window's rank; returns false then.</summary>
        public static bool CheckRank(string display, int rank, LayerContext context)
        {
            if (context.Input.Count == rank + 1)
            {
                return true;
            }

            context.Report(ProblemKind.RankMismatch, $"{display} needs a {MapShape(rank)} feature map but {context.Source}");
            return false;
        }

        /// <summary>
        /// The output size of each spatial axis for a C×… input of rank + 1 dimensions, or null
        /// after reporting a rank mismatch, an empty output or an overflow. A stride that drops
        /// rows or columns (floor mode) is a warning.
        /// </summary>
        public static int[]? Infer(string display, Axes kernel, Axes stride, Axes padding, Axes dilation, LayerContext context, bool ceilMode = false, PaddingFix paddingFix = PaddingFix.None)
        {
            int rank = kernel.Rank;
            if (!CheckRank(display, rank, context))
            {
                return null;
            }

            IReadOnlyList<string> names = Names(rank);
            var results = new AxisResult[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                results[axis] = Axis(context.Input[axis + 1], kernel[axis], stride[axis], padding[axis], dilation[axis], ceilMode);
            }

            int broken = Array.FindIndex(results, result => result.Output <= 0);
            if (broken >= 0)
            {
                string minimum = string.Join("×", results.Select(result => Numbers.Format(result.Minimum)));
                context.Fail(ProblemKind.EmptyOutput,
                    $"{display} needs an input of at least {minimum} but {context.Source}: {names[broken]} = {results[broken].Formula} = {results[broken].Output}");
                return null;
            }

            if (results.Any(result => result.Output > int.MaxValue))
            {
                context.Fail(ProblemKind.InvalidArgument, $"{display}: the padding makes the output larger than a dimension can hold");
                return null;
            }

            for (int axis = 0; axis < rank; axis++)
            {
                AxisResult result = results[axis];
                if (result.Remainder != 0)
                {
                    string name = names[axis];
                    int? exact = ExactPadding(padding[axis], result.Remainder, result.Stride, paddingFix == PaddingFix.HalfWindow ? kernel[axis] / 2 : int.MaxValue);
                    string? fix = paddingFix == PaddingFix.None || exact is null
                        ? null
                        : $"{(rank == 1 ? "Padding" : "Padding" + char.ToUpperInvariant(name[0]) + name.Substring(1))}={exact}";
                    context.Report(ProblemKind.StrideRemainder,
                        $"{display}: {context.Source}, and on the {name} axis {result.Numerator} is not a multiple of the stride {result.Stride} ({name} = {result.Formula} = {result.Output}); {(result.Remainder == 1 ? $"the last {Unit(name, 1)} of the padded input is never read" : $"the last {result.Remainder} {Unit(name, 2)} of the padded input are never read")}", fix);
                }
            }

            return results.Select(result => (int)result.Output).ToArray();
        }

        /// <summary>What one step along an axis is called in messages: a row of the height, a column of the width.</summary>
        private static string Unit(string axis, long count) => (axis, count == 1) switch
        {
            ("height", true) => "row",
            ("height", false) => "rows",
            ("width", true) => "column",
            ("width", false) => "columns",
            ("depth", true) => "plane",
            ("depth", false) => "planes",
            (_, true) => "position",
            _ => "positions",
        };

        /// <summary>
        /// out = floor((W + 2P − D·(F − 1) − 1) / S) + 1, shown as floor((W − F + 2P) / S) + 1 when
        /// D = 1. In ceil mode (pools), ceil instead of floor, less one when the last window would
        /// start at or beyond W + P (PyTorch's pooling_output_shape).
        /// </summary>
        private static AxisResult Axis(int size, int kernel, int stride, int padding, int dilation, bool ceilMode)
        {
            long span = ((long)dilation * (kernel - 1)) + 1;
            long numerator = size + (2L * padding) - span;
            string rounding = ceilMode ? "ceil" : "floor";
            string formula = dilation == 1
                ? $"{rounding}(({size} − {kernel} + 2·{padding}) / {stride}) + 1"
                : $"{rounding}(({size} + 2·{padding} − {dilation}·({kernel} − 1) − 1) / {stride}) + 1";
            long minimum = Math.Max(1, span - (2L * padding));
            if (!ceilMode)
            {
                long remainder = numerator >= 0 ? numerator % stride : 0;
                return new AxisResult(FloorDiv(numerator, stride) + 1, minimum, numerator, stride, remainder, formula);
            }

            long output = FloorDiv(numerator + stride - 1, stride) + 1;
            if (output > 1 && (output - 1) * stride >= size + (long)padding)
            {
                output--;
                formula += " − 1 (the last window would start in the padding)";
            }

            return new AxisResult(output, Math.Max(1, minimum - (stride - 1)), numerator, stride, 0, formula);
        }

        private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

        private readonly record struct AxisResult(long Output, long Minimum, long Numerator, int Stride, long Remainder, string Formula);
    }

    /// <summary>Which padding a stride-remainder fix may propose.</summary>
    internal enum PaddingFix
    {
        /// <summary>No fix (the kind has no padding argument).</summary>
        None,

        /// <summary>Any non-negative padding (convolutions).</summary>
        Any,

        /// <summary>At most half the window (pools, as PyTorch requires).</summary>
        HalfWindow,
    }
}

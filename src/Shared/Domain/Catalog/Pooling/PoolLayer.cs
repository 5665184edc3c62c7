using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// MaxPool1d/2d/3d and AvgPool1d/2d/3d: a window slid over each channel of a C×… feature map.
    /// The stride defaults to the window, as in PyTorch; padding is at most half the window. In
    /// ceil mode the output size rounds up, but a last window that would start in the right
    /// padding is dropped (PyTorch's pooling_output_shape), so the output never reads padding alone.
    /// </summary>
    internal sealed partial class PoolLayer : LayerEntry<PoolLayer.Spec>
    {
        public static readonly PoolLayer Max1d = new(isMax: true, 1);
        public static readonly PoolLayer Max2d = new(isMax: true, 2);
        public static readonly PoolLayer Max3d = new(isMax: true, 3);
        public static readonly PoolLayer Avg1d = new(isMax: false, 1);
        public static readonly PoolLayer Avg2d = new(isMax: false, 2);
        public static readonly PoolLayer Avg3d = new(isMax: false, 3);

        private PoolLayer(bool isMax, int rank)
        {
            IsMax = isMax;
            Rank = rank;
        }

        /// <param name="Pool">The entry of the kind (max or average, and the rank).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="Kernel">Window size per axis.</param>
        /// <param name="Stride">Stride per axis (default: the window).</param>
        /// <param name="Padding">Implicit padding per axis (default 0).</param>
        /// <param name="CeilMode">Whether the output size rounds up (default false).</param>
        /// <param name="CountIncludePad">Average pooling: whether padding counts in the divisor (default true).</param>
        /// <param name="Dilation">Max pooling: dilation per axis; null for 1 on every axis.</param>
        public sealed record Spec(
            PoolLayer Pool,
            string Display,
            Axes Kernel,
            Axes Stride,
            Axes Padding,
            bool CeilMode = false,
            bool CountIncludePad = true,
            Axes? Dilation = null) : LayerSpec(Pool, Display);

        /// <summary>Max pooling (else average pooling).</summary>
        public bool IsMax { get; }

        /// <summary>The number of spatial axes: 1, 2 or 3.</summary>
        public int Rank { get; }

        public override string Name => $"{(IsMax ? "Max" : "Avg")}Pool{Rank}d";

        public override string FieldPrefix => IsMax ? "maxpool" : "avgpool";

        public override string Signature => IsMax
            ? $"{Name}(kernel, Stride = kernel, Padding = 0, Dilation = 1, CeilMode = false)"
            : $"{Name}(kernel, Stride = kernel, Padding = 0, CeilMode = false, CountIncludePad = true)";

        public override string ShapeRule => $"`{Window.MapShape(Rank)}` keeps C; each axis `floor((W − F + 2P) / S) + 1` (ceil in CeilMode); "
            + (IsMax ? "the largest value of each window" : "the mean of each window (padding counts as zeros unless CountIncludePad = false)");

        protected override Spec ReadSpec(DeclaredArguments args)
        {
            Axes kernel = Window.Read(args, "Kernel", Rank, args.Int(0, 0));
            Axes stride = Window.Read(args, "Stride", Rank, args.Int("Stride", 0), axis => kernel[axis]);
            return new Spec(
                this,
                args.Display,
                kernel,
                stride,
                Window.Read(args, "Padding", Rank, 0),
                args.Bool("CeilMode", false),
                args.Bool("CountIncludePad", true),
                IsMax ? Window.Read(args, "Dilation", Rank, 1) : null);
        }

        protected override IEnumerable<string> Check(Spec spec)
        {
            foreach (string message in Window.Check(spec.Display, spec.Kernel, spec.Stride, spec.Padding, spec.Dilation))
            {
                yield return message;
            }

            bool tooMuchPadding = false;
            for (int axis = 0; axis < spec.Kernel.Rank; axis++)
            {
                tooMuchPadding |= spec.Kernel[axis] > 0 && spec.Padding[axis] * 2L > spec.Kernel[axis];
            }

            if (!spec.Kernel.Any(v => v <= 0) && tooMuchPadding)
            {
                yield return $"{spec.Display}: padding must be at most half the window ({spec.Kernel}), got {spec.Padding}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) =>
            Window.Infer(spec.Display, spec.Kernel, spec.Stride, spec.Padding, spec.Dilation ?? Axes.Same(Rank, 1), context, spec.CeilMode, PaddingFix.HalfWindow) is int[] sizes
                ? new LayerOutcome(ChannelsAnd(context.Input[0], sizes), LayerCounts.None, ChannelsFirst: true)
                : null;

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            var text = new System.Text.StringBuilder($"{CSharp.Nn}.{Name}(kernel_size: {spec.Kernel.Tuple()}, stride: {spec.Stride.Tuple()}, padding: {spec.Padding.Tuple()}");
            if (spec.Dilation is Axes dilation && !dilation.All(1))
            {
                text.Append($", dilation: {dilation.Tuple()}");
            }

            if (spec.CeilMode)
            {
                text.Append(", ceil_mode: true");
            }

            if (!spec.CountIncludePad)
            {
                text.Append(", count_include_pad: false");
            }

            return text.Append(')').ToString();
        }

        /// <summary>
        /// The fewest channels for which 2-D max pooling runs in the channels-last layout
        /// (<c>ModelGen.Layers.ChannelsLastPooling</c>): the same values and arg-max indices, and libtorch's
        /// CPU kernel takes the maximum of whole channel vectors. Measured at batch 64 on one thread,
        /// copies in and out included: 16×8×8 maps 73 against 292 µs, 32×4×4 35 against 84 µs, 8×16×16
        /// 172 against 755 µs; 1, 3, 4 and 6 channels gained nothing (within ±10 %).
        /// </summary>
        private const int ChannelsLastMinimum = 8;

        private bool PoolsChannelsLast(LayerPlan layer) => IsMax && Rank == 2 && layer.InputShape.Count == 3 && layer.InputShape[0] >= ChannelsLastMinimum;

        private static string ChannelsLastArguments(Spec spec) =>
            $"{spec.Kernel.LongArray()}, {spec.Stride.LongArray()}, {spec.Padding.LongArray()}, {(spec.Dilation ?? Axes.Same(2, 1)).LongArray()}, {CSharp.Literal(spec.CeilMode)}";

        public override string Forward(LayerPlan layer, string input) => PoolsChannelsLast(layer)
            ? $"global::ModelGen.Layers.ChannelsLastPooling.MaxPool2d({input}, {ChannelsLastArguments((Spec)layer.Spec)})"
            : base.Forward(layer, input);

        /// <summary>The output shape of a pool: the channels, then the spatial sizes.</summary>
        internal static EquatableArray<int> ChannelsAnd(int channels, int[] sizes)
        {
            var shape = new int[sizes.Length + 1];
            shape[0] = channels;
            sizes.CopyTo(shape, 1);
            return Shape.Of(shape);
        }

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer)
        {
            if (IsMax)
            {
                yield return "indices";
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            if (!IsMax)
            {
                yield return $"{names.Output} = {Forward(layer, names.Input)};";
                yield break;
            }

            // The arg-max of each window, flat over the channel's positions, for the backward.
            var spec = (Spec)layer.Spec;
            if (PoolsChannelsLast(layer))
            {
                yield return $"({names.Output}, {names.Saved("indices")}) = global::ModelGen.Layers.ChannelsLastPooling.MaxPool2dWithIndices({names.Input}, {ChannelsLastArguments(spec)});";
                yield break;
            }

            Axes dilation = spec.Dilation ?? Axes.Same(Rank, 1);
            string ceil = CSharp.Literal(spec.CeilMode);
            yield return Rank == 1
                ? $"({names.Output}, {names.Saved("indices")}) = {CSharp.Nn}.functional.max_pool1d_with_indices({names.Input}, {spec.Kernel[0]}, {spec.Stride[0]}, {spec.Padding[0]}, {dilation[0]}, {ceil});"
                : $"({names.Output}, {names.Saved("indices")}) = {CSharp.Nn}.functional.max_pool{Rank}d_with_indices({names.Input}, {spec.Kernel.LongArray()}, {spec.Stride.LongArray()}, {spec.Padding.LongArray()}, {dilation.LongArray()}, {ceil});";
        }

        public override string BackwardFormula(LayerPlan layer) => IsMax
            ? "δ routed to each window's arg-max, overlapping windows adding up"
            : ((Spec)layer.Spec).CountIncludePad ? "δ/|window| spread over each window (padding counted)" : "δ/|window ∩ input| spread over each window";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            var spec = (Spec)layer.Spec;
            yield return IsMax
                ? $"{names.Grad} = {BackwardRules.Gradients}.MaxPool({names.Input}, {names.Grad}, {names.Saved("indices")});"
                : $"{names.Grad} = {BackwardRules.Gradients}.AvgPool({names.Input}, {names.Grad}, {spec.Kernel.LongArray()}, {spec.Stride.LongArray()}, {spec.Padding.LongArray()}, ceilMode: {CSharp.Literal(spec.CeilMode)}, countIncludePad: {CSharp.Literal(spec.CountIncludePad)});";
        }
    }
}

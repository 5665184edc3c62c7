using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// Conv1d, Conv2d and Conv3d: one N-d family with the rank as a parameter (as Keras'
    /// <c>BaseConv(rank, …)</c>). A C×… feature map in, out×… out; the input channels come from
    /// the layer above. Groups split the channels into independent convolutions (depthwise when
    /// Groups equals the input channels); padding is explicit, <c>valid</c> or <c>same</c>, and the
    /// padded values follow the padding mode.
    /// </summary>
    internal sealed partial class ConvLayer : LayerEntry<ConvLayer.Spec>
    {
        public static readonly ConvLayer OneD = new(1);
        public static readonly ConvLayer TwoD = new(2);
        public static readonly ConvLayer ThreeD = new(3);

        private ConvLayer(int rank) => Rank = rank;

        /// <param name="Conv">The entry of the kind (its rank).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="OutChannels">The number of filters.</param>
        /// <param name="Kernel">Window size per axis (no default: PyTorch requires it).</param>
        /// <param name="Stride">Stride per axis (default 1).</param>
        /// <param name="Padding">Padding on each side, per axis (default 0).</param>
        /// <param name="Dilation">Dilation per axis (default 1).</param>
        /// <param name="Bias">Whether each filter learns a bias.</param>
        /// <param name="Groups">Independent channel groups (default 1); divides both channel counts.</param>
        /// <param name="AutoPad">Explicit padding, or PyTorch's <c>'valid'</c> / <c>'same'</c>.</param>
        /// <param name="PaddingMode">What the padding holds: zeros, a reflection, the edge value, or the other side.</param>
        public sealed record Spec(
            ConvLayer Conv,
            string Display,
            int OutChannels,
            Axes Kernel,
            Axes Stride,
            Axes Padding,
            Axes Dilation,
            bool Bias,
            int Groups = 1,
            AutoPadSpec AutoPad = AutoPadSpec.Explicit,
            PaddingModeSpec PaddingMode = PaddingModeSpec.Zeros) : LayerSpec(Conv, Display);

        /// <summary>The number of spatial axes: 1, 2 or 3.</summary>
        public int Rank { get; }

        public override string Name => $"Conv{Rank}d";

        public override string FieldPrefix => "conv";

        public override LayerTraits Traits => LayerTraits.LinearMap;

        public override bool HasBias(LayerSpec spec) => ((Spec)spec).Bias;

        public override SlidingWindow? WindowOf(LayerSpec spec) => spec is Spec { AutoPad: AutoPadSpec.Explicit } conv
            ? new SlidingWindow(conv.Kernel, conv.Stride, conv.Padding, conv.Dilation, SupportsAutoPadSame: true)
            : null;

        public override string Signature =>
            $"{Name}(out, Kernel, Stride = 1, Padding = 0, Dilation = 1, Groups = 1, Bias = true, AutoPad = AutoPad.Explicit, PaddingMode = PaddingMode.Zeros)";

        public override string ShapeRule => Rank switch
        {
            1 => "`C×L → out×L'`, `L' = floor((L + 2P − D·(F−1) − 1) / S) + 1`; `AutoPad.Same`: `L' = L` (stride 1 only)",
            2 => "`C×H×W → out×H'×W'`, `H' = floor((H + 2P − D·(F−1) − 1) / S) + 1`; `AutoPad.Same`: `H' = H` (stride 1 only)",
            _ => "`C×D×H×W → out×D'×H'×W'`, each axis `floor((W + 2P − D·(F−1) − 1) / S) + 1`; `AutoPad.Same` keeps the size (stride 1 only)",
        };

        public override string ParameterRule => Rank switch
        {
            1 => "`out·(C/groups)·F + out`",
            2 => "`out·(C/groups)·Fh·Fw + out`",
            _ => "`out·(C/groups)·Fd·Fh·Fw + out`",
        };

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            this,
            args.Display,
            args.Int(0, 0),
            Window.Read(args, "Kernel", Rank, 0),
            Window.Read(args, "Stride", Rank, 1),
            Window.Read(args, "Padding", Rank, 0),
            Window.Read(args, "Dilation", Rank, 1),
            args.Bool("Bias", true),
            args.Int("Groups", 1),
            (AutoPadSpec)args.Int("AutoPad", 0),
            (PaddingModeSpec)args.Int("PaddingMode", 0));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.OutChannels <= 0)
            {
                yield return $"{spec.Display}: the number of output channels must be positive, got {spec.OutChannels}";
            }

            foreach (string message in Window.Check(spec.Display, spec.Kernel, spec.Stride, spec.Padding, spec.Dilation))
            {
                yield return message;
            }

            if (spec.Groups <= 0)
            {
                yield return $"{spec.Display}: Groups must be positive, got {spec.Groups}";
            }
            else if (spec.OutChannels > 0 && spec.OutChannels % spec.Groups != 0)
            {
                yield return $"{spec.Display}: the {spec.OutChannels} output channels are not divisible by Groups = {spec.Groups}; use a number of groups that divides both channel counts";
            }

            if (spec.AutoPad is < AutoPadSpec.Explicit or > AutoPadSpec.Same)
            {
                yield return $"{spec.Display}: unknown AutoPad value {(int)spec.AutoPad}";
            }
            else if (spec.AutoPad != AutoPadSpec.Explicit && !spec.Padding.All(0))
            {
                yield return $"{spec.Display}: AutoPad.{spec.AutoPad} sets the padding itself; remove Padding = {spec.Padding}";
            }
            else if (spec.AutoPad == AutoPadSpec.Same && !spec.Stride.All(1))
            {
                yield return $"{spec.Display}: AutoPad.Same needs stride 1, got {spec.Stride}; PyTorch does not support padding='same' for strided convolutions, so give the Padding numbers instead";
            }

            if (spec.PaddingMode is < PaddingModeSpec.Zeros or > PaddingModeSpec.Circular)
            {
                yield return $"{spec.Display}: unknown PaddingMode value {(int)spec.PaddingMode}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            if (!Window.CheckRank(spec.Display, Rank, context))
            {
                return null;
            }

            int inChannels = context.Input[0];
            if (inChannels % spec.Groups != 0)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: {context.Source}, whose {inChannels} channels are not divisible by Groups = {spec.Groups}; use a number of groups that divides both channel counts");
            }

            Axes padding = EffectivePadding(spec);
            if (spec.PaddingMode is PaddingModeSpec.Reflect or PaddingModeSpec.Circular)
            {
                for (int axis = 0; axis < Rank; axis++)
                {
                    int size = context.Input[axis + 1];
                    bool tooWide = spec.PaddingMode == PaddingModeSpec.Reflect ? padding[axis] >= size : padding[axis] > size;
                    if (tooWide)
                    {
                        string limit = spec.PaddingMode == PaddingModeSpec.Reflect ? "less than" : "at most";
                        return context.Fail(ProblemKind.InvalidArgument,
                            $"{spec.Display}: {context.Source}, and PaddingMode.{spec.PaddingMode} needs a padding {limit} the input's {Window.Names(Rank)[axis]} {size}, got {padding[axis]}; lower the padding or use PaddingMode.Zeros or PaddingMode.Replicate");
                    }
                }
            }

            int[] output;
            if (spec.AutoPad == AutoPadSpec.Same)
            {
                // PyTorch pads D·(F − 1) in total per axis (the odd one on the right), so each size stays.
                output = new int[Rank];
                for (int axis = 0; axis < Rank; axis++)
                {
                    output[axis] = context.Input[axis + 1];
                }
            }
            else if (Window.Infer(spec.Display, spec.Kernel, spec.Stride, padding, spec.Dilation, context, paddingFix: PaddingFix.Any) is int[] sizes)
            {
                output = sizes;
            }
            else
            {
                return null;
            }

            long weights = Numbers.SaturatingProduct(spec.OutChannels, inChannels / spec.Groups, spec.Kernel.Product());
            if (weights > long.MaxValue - spec.OutChannels)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            long positions = 1;
            foreach (int size in output)
            {
                positions = Numbers.SaturatingProduct(positions, size);
            }

            LayerCounts counts = LayerCounts.PerPosition(weights, spec.Bias ? spec.OutChannels : 0, positions);
            var shape = new int[Rank + 1];
            shape[0] = spec.OutChannels;
            output.CopyTo(shape, 1);
            return new LayerOutcome(Shape.Of(shape), counts, inChannels, ChannelsFirst: true);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            string head = $"{CSharp.Nn}.{Name}(in_channels: {layer.InFeatures}, out_channels: {spec.OutChannels}, kernel_size: {spec.Kernel.Tuple()}";
            string window = spec.AutoPad == AutoPadSpec.Explicit
                // A literal 0 converts to the Padding enum too, which makes TorchSharp's Conv1d ambiguous: 0L does not.
                ? $"stride: {spec.Stride.Tuple()}, padding: {(spec.Padding.Rank == 1 && spec.Padding[0] == 0 ? "0L" : spec.Padding.Tuple())}, dilation: {spec.Dilation.Tuple()}"
                : $"padding: global::TorchSharp.Padding.{spec.AutoPad}, stride: {spec.Stride.Tuple()}, dilation: {spec.Dilation.Tuple()}";
            string mode = spec.PaddingMode == PaddingModeSpec.Zeros ? string.Empty : $", padding_mode: global::TorchSharp.PaddingModes.{spec.PaddingMode}";
            string groups = spec.Groups == 1 ? string.Empty : $", groups: {spec.Groups}";
            return $"{head}, {window}{mode}{groups}, bias: {CSharp.Literal(spec.Bias)})";
        }

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => spec.Bias
            ? $"{spec.OutChannels}·{layer.InFeatures / spec.Groups}·{spec.Kernel.Dotted()} + {spec.OutChannels}"
            : $"{spec.OutChannels}·{layer.InFeatures / spec.Groups}·{spec.Kernel.Dotted()}";

        /// <summary>The padding on each side: the Padding numbers, or 0 for <c>valid</c>; <c>same</c> computes its own.</summary>
        private static Axes EffectivePadding(Spec spec) => spec.AutoPad switch
        {
            AutoPadSpec.Valid => Axes.Same(spec.Kernel.Rank, 0),
            AutoPadSpec.Same => SamePadding(spec),
            _ => spec.Padding,
        };

        /// <summary>PyTorch's 'same': D·(F − 1) in total per axis, the larger half on the right, which is what reflect and circular padding must fit.</summary>
        private static Axes SamePadding(Spec spec)
        {
            var values = new int[spec.Kernel.Rank];
            for (int axis = 0; axis < values.Length; axis++)
            {
                long total = (long)spec.Dilation[axis] * (spec.Kernel[axis] - 1);
                values[axis] = (int)System.Math.Min(int.MaxValue, total - (total / 2));
            }

            return Axes.Of(values);
        }

        /// <summary>
        /// Every convolution has a rule: zero padding (explicit, valid, or a symmetric 'same') goes into
        /// the convolution's gradients; a padding mode, or a 'same' whose sides differ, pads the input
        /// first (kept on the tape) and folds δ back through the padding.
        /// </summary>
        public override bool HasBackward(LayerPlan layer) => true;

        /// <summary>
        /// Output maps of 32×32 positions or more: there the rule's weight gradient, a convolution of the
        /// batch-transposed input with a map-sized kernel, takes about 2.2× the time of libtorch's fused
        /// convolution backward (7.2 + 1.7 ms against 4.0 ms on 32×16×32×32, 3×3; on 16×16 maps 1.07×,
        /// on 8×8 maps 0.93×), which TorchSharp 0.107 does not expose.
        /// </summary>
        public override string? FasterWithAutograd(LayerPlan layer)
        {
            long positions = 1;
            for (int axis = 1; axis < layer.OutputShape.Count; axis++)
            {
                positions = Numbers.SaturatingProduct(positions, layer.OutputShape[axis]);
            }

            return positions >= LargeMap
                ? $"{layer.Spec.Display} computes {string.Join("×", layer.OutputShape.Skip(1))} maps, where libtorch's fused convolution backward is about twice as fast as the generated pair of convolutions"
                : null;
        }

        /// <summary>Output positions per channel from which autograd is the default: 32×32.</summary>
        private const long LargeMap = 32 * 32;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer)
        {
            if (PadsInput((Spec)layer.Spec))
            {
                yield return "padded";
            }
        }

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            if (PadsInput(spec))
            {
                // The input as the convolution pads it, for ∂W; the layer's own forward for y.
                (Axes before, Axes after) = PadSides(spec);
                yield return $"{names.Saved("padded")} = {BackwardRules.Gradients}.Pad({names.Input}, {before.LongArray()}, {after.LongArray()}, {PaddingModeName(spec)});";
            }

            yield return $"{names.Output} = {Forward(layer, names.Input)};";
        }

        public override string BackwardFormula(LayerPlan layer)
        {
            var spec = (Spec)layer.Spec;
            string formula = spec.Bias
                ? "∂W = x ⋆ δ (correlation over the batch, per group), ∂b = Σ δ, δ ← δ ∗ W (transposed convolution)"
                : "∂W = x ⋆ δ (correlation over the batch, per group), δ ← δ ∗ W (transposed convolution)";
            return PadsInput(spec)
                ? $"x padded ({(spec.PaddingMode == PaddingModeSpec.Zeros ? "zeros, the larger half after" : spec.PaddingMode.ToString().ToLowerInvariant())}) first; {formula}, then δ folded back through the padding"
                : formula;
        }

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            bool pads = PadsInput(spec);
            Axes padding = pads ? Axes.Same(Rank, 0) : spec.AutoPad == AutoPadSpec.Same ? HalfSame(spec) : EffectivePadding(spec);
            string input = pads ? names.Saved("padded") : names.Input;
            string dW = $"dW{names.Index}", dx = $"dx{names.Index}";
            yield return $"var ({dW}, {dx}) = {BackwardRules.Gradients}.Conv({input}, {names.Grad}, {names.Parameter("weight")}, {spec.Stride.LongArray()}, {padding.LongArray()}, {spec.Dilation.LongArray()}, groups: {spec.Groups}, inputGradient: {CSharp.Literal(names.NeedsInputGradient)});";
            yield return names.SetGradient("weight", dW);
            if (spec.Bias)
            {
                string dims = string.Join(", ", new[] { "0" }.Concat(Enumerable.Range(2, Rank).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                yield return names.SetGradient("bias", $"{names.Grad}.sum(new long[] {{ {dims} }})");
            }

            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            if (pads)
            {
                (Axes before, Axes after) = PadSides(spec);
                yield return $"{names.Grad} = {BackwardRules.Gradients}.Unpad({dx}!, {before.LongArray()}, {after.LongArray()}, {PaddingModeName(spec)});";
            }
            else
            {
                yield return $"{names.Grad} = {dx}!;";
            }
        }

        /// <summary>Whether the rule pads the input itself: a padding mode with some padding, or a 'same' whose two sides differ.</summary>
        private static bool PadsInput(Spec spec)
        {
            if (spec.AutoPad == AutoPadSpec.Same)
            {
                return spec.PaddingMode != PaddingModeSpec.Zeros || !SymmetricSame(spec);
            }

            return spec.PaddingMode != PaddingModeSpec.Zeros && !EffectivePadding(spec).All(0);
        }

        /// <summary>The padding before and after each axis: P and P, or 'same''s D·(F − 1) split with the larger half after.</summary>
        private static (Axes Before, Axes After) PadSides(Spec spec)
        {
            if (spec.AutoPad != AutoPadSpec.Same)
            {
                Axes padding = EffectivePadding(spec);
                return (padding, padding);
            }

            Axes half = HalfSame(spec);
            var after = new int[spec.Kernel.Rank];
            for (int axis = 0; axis < after.Length; axis++)
            {
                after[axis] = (spec.Dilation[axis] * (spec.Kernel[axis] - 1)) - half[axis];
            }

            return (half, Axes.Of(after));
        }

        private static string PaddingModeName(Spec spec) => $"global::TorchSharp.PaddingModes.{spec.PaddingMode}";

        private static bool SymmetricSame(Spec spec)
        {
            for (int axis = 0; axis < spec.Kernel.Rank; axis++)
            {
                if ((long)spec.Dilation[axis] * (spec.Kernel[axis] - 1) % 2 != 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static Axes HalfSame(Spec spec)
        {
            var values = new int[spec.Kernel.Rank];
            for (int axis = 0; axis < values.Length; axis++)
            {
                values[axis] = spec.Dilation[axis] * (spec.Kernel[axis] - 1) / 2;
            }

            return Axes.Of(values);
        }
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// ConvTranspose1d and ConvTranspose2d: the gradient of a convolution with respect to its input,
    /// used to upsample. Per axis out = (W − 1)·S − 2P + D·(F − 1) + OutputPadding + 1; the output
    /// padding only picks among the sizes a strided convolution maps to the same size, so it is
    /// below the stride or the dilation (PyTorch's rule). Only zero padding, as in PyTorch.
    /// </summary>
    internal sealed partial class ConvTransposeLayer : LayerEntry<ConvTransposeLayer.Spec>
    {
        public static readonly ConvTransposeLayer OneD = new(1);
        public static readonly ConvTransposeLayer TwoD = new(2);

        private ConvTransposeLayer(int rank) => Rank = rank;

        /// <param name="Conv">The entry of the kind (its rank).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="OutChannels">The number of output channels.</param>
        /// <param name="Kernel">Window size per axis.</param>
        /// <param name="Stride">Stride per axis (default 1).</param>
        /// <param name="Padding">Padding removed from each side of the output, per axis (default 0).</param>
        /// <param name="OutputPadding">Extra size on one side of the output, per axis (default 0).</param>
        /// <param name="Dilation">Dilation per axis (default 1).</param>
        /// <param name="Groups">Independent channel groups (default 1).</param>
        /// <param name="Bias">Whether each output channel learns a bias.</param>
        public sealed record Spec(
            ConvTransposeLayer Conv,
            string Display,
            int OutChannels,
            Axes Kernel,
            Axes Stride,
            Axes Padding,
            Axes OutputPadding,
            Axes Dilation,
            int Groups,
            bool Bias) : LayerSpec(Conv, Display);

        /// <summary>The number of spatial axes: 1 or 2.</summary>
        public int Rank { get; }

        public override string Name => $"ConvTranspose{Rank}d";

        public override string FieldPrefix => "deconv";

        public override LayerTraits Traits => LayerTraits.LinearMap;

        public override bool HasBias(LayerSpec spec) => ((Spec)spec).Bias;

        public override string Signature => $"{Name}(out, Kernel, Stride = 1, Padding = 0, OutputPadding = 0, Groups = 1, Bias = true, Dilation = 1)";

        public override string ShapeRule => Rank == 1
            ? "`C×L → out×L'`, `L' = (L − 1)·S − 2P + D·(F − 1) + OutputPadding + 1`"
            : "`C×H×W → out×H'×W'`, `H' = (H − 1)·S − 2P + D·(F − 1) + OutputPadding + 1`";

        public override string ParameterRule => Rank == 1 ? "`C·(out/groups)·F + out`" : "`C·(out/groups)·Fh·Fw + out`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(
            this,
            args.Display,
            args.Int(0, 0),
            Window.Read(args, "Kernel", Rank, 0),
            Window.Read(args, "Stride", Rank, 1),
            Window.Read(args, "Padding", Rank, 0),
            Window.Read(args, "OutputPadding", Rank, 0),
            Window.Read(args, "Dilation", Rank, 1),
            args.Int("Groups", 1),
            args.Bool("Bias", true));

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

            if (spec.OutputPadding.Any(v => v < 0))
            {
                yield return $"{spec.Display}: the output padding must be zero or positive, got {spec.OutputPadding}";
            }

            for (int axis = 0; axis < Rank; axis++)
            {
                int limit = System.Math.Max(spec.Stride[axis], spec.Dilation[axis]);
                if (spec.OutputPadding[axis] > 0 && spec.OutputPadding[axis] >= limit)
                {
                    yield return $"{spec.Display}: the output padding must be smaller than the stride or the dilation, but on the {Window.Names(Rank)[axis]} axis it is {spec.OutputPadding[axis]} with stride {spec.Stride[axis]} and dilation {spec.Dilation[axis]}";
                    break;
                }
            }

            // TorchSharp 0.107's ConvTranspose forward passes only the first axis's output padding
            // (ConvolutionTranspose._output_padding), which libtorch applies to every axis.
            if (spec.OutputPadding.Rank > 1 && !spec.OutputPadding.All(spec.OutputPadding[0]))
            {
                yield return $"{spec.Display}: TorchSharp applies the first axis's output padding to every axis, so the output padding must be the same on every axis, got {spec.OutputPadding}; adjust the shape with a ZeroPad2d after the layer instead";
            }

            if (spec.Groups <= 0)
            {
                yield return $"{spec.Display}: Groups must be positive, got {spec.Groups}";
            }
            else if (spec.OutChannels > 0 && spec.OutChannels % spec.Groups != 0)
            {
                yield return $"{spec.Display}: the {spec.OutChannels} output channels are not divisible by Groups = {spec.Groups}; use a number of groups that divides both channel counts";
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

            var shape = new int[Rank + 1];
            shape[0] = spec.OutChannels;
            long positions = 1;
            for (int axis = 0; axis < Rank; axis++)
            {
                int size = context.Input[axis + 1];
                long output = ((size - 1L) * spec.Stride[axis]) - (2L * spec.Padding[axis]) + ((long)spec.Dilation[axis] * (spec.Kernel[axis] - 1)) + spec.OutputPadding[axis] + 1;
                string name = Window.Names(Rank)[axis];
                if (output <= 0)
                {
                    return context.Fail(ProblemKind.EmptyOutput,
                        $"{spec.Display} has an empty output because {context.Source}: {name} = ({size} − 1)·{spec.Stride[axis]} − 2·{spec.Padding[axis]} + {spec.Dilation[axis]}·({spec.Kernel[axis]} − 1) + {spec.OutputPadding[axis]} + 1 = {output}; lower the padding");
                }

                if (output > int.MaxValue)
                {
                    return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: the stride and kernel make the output larger than a dimension can hold");
                }

                shape[axis + 1] = (int)output;
                positions = Numbers.SaturatingProduct(positions, output);
            }

            long weights = Numbers.SaturatingProduct(inChannels, spec.OutChannels / spec.Groups, spec.Kernel.Product());
            if (weights > long.MaxValue - spec.OutChannels)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: {context.Source}, which needs more weights than a 64-bit count can hold");
            }

            // torchinfo counts a transposed convolution like any "Conv": parameters × output positions.
            LayerCounts counts = LayerCounts.PerPosition(weights, spec.Bias ? spec.OutChannels : 0, positions);
            return new LayerOutcome(Shape.Of(shape), counts, inChannels, ChannelsFirst: true);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            string groups = spec.Groups == 1 ? string.Empty : $", groups: {spec.Groups}";
            return $"{CSharp.Nn}.{Name}(in_channels: {layer.InFeatures}, out_channels: {spec.OutChannels}, kernel_size: {spec.Kernel.Tuple()}, stride: {spec.Stride.Tuple()}, padding: {spec.Padding.Tuple()}, output_padding: {spec.OutputPadding.Tuple()}, dilation: {spec.Dilation.Tuple()}{groups}, bias: {CSharp.Literal(spec.Bias)})";
        }

        protected override string ParameterFormula(Spec spec, LayerPlan layer) => spec.Bias
            ? $"{layer.InFeatures}·{spec.OutChannels / spec.Groups}·{spec.Kernel.Dotted()} + {spec.OutChannels}"
            : $"{layer.InFeatures}·{spec.OutChannels / spec.Groups}·{spec.Kernel.Dotted()}";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).Bias
            ? "∂W = x ⋆ δ (δ correlated with the input over the batch, per group), ∂b = Σ δ, δ ← δ ⋆ W (the forward convolution it is the adjoint of)"
            : "∂W = x ⋆ δ (δ correlated with the input over the batch, per group), δ ← δ ⋆ W (the forward convolution it is the adjoint of)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string dW = $"dW{names.Index}", dx = $"dx{names.Index}";
            yield return $"var ({dW}, {dx}) = {BackwardRules.Gradients}.ConvTranspose({names.Input}, {names.Grad}, {names.Parameter("weight")}, {spec.Stride.LongArray()}, {spec.Padding.LongArray()}, {spec.Dilation.LongArray()}, groups: {spec.Groups}, inputGradient: {CSharp.Literal(names.NeedsInputGradient)});";
            yield return names.SetGradient("weight", dW);
            if (spec.Bias)
            {
                string dims = string.Join(", ", new[] { "0" }.Concat(Enumerable.Range(2, Rank).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                yield return names.SetGradient("bias", $"{names.Grad}.sum(new long[] {{ {dims} }})");
            }

            if (names.NeedsInputGradient)
            {
                yield return $"{names.Grad} = {dx}!;";
            }
        }
    }
}

using System;
using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Upsample: every spatial axis of a C×… map to a given Size, or scaled by ScaleFactor (out =
    /// floor(W · scale), as PyTorch computes it). Nearest works on C×L, C×H×W and C×D×H×W; linear,
    /// bilinear/bicubic and trilinear need exactly one, two and three spatial axes.
    /// </summary>
    internal sealed partial class UpsampleLayer : LayerEntry<UpsampleLayer.Spec>
    {
        public static readonly UpsampleLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Size">The output size of every spatial axis, or 0 when ScaleFactor is given.</param>
        /// <param name="ScaleFactor">The factor of every spatial axis, or 0 when Size is given.</param>
        /// <param name="Mode">The interpolation.</param>
        /// <param name="AlignCorners">Whether the corner pixels of input and output align (linear modes only).</param>
        public sealed record Spec(string Display, int Size, double ScaleFactor, UpsampleModeSpec Mode, bool AlignCorners) : LayerSpec(Instance, Display);

        public override string Name => "Upsample";

        public override string FieldPrefix => "upsample";

        public override LayerTraits Traits => LayerTraits.Reshapes;

        public override string Signature => "Upsample(Size = 0, ScaleFactor = 0, Mode = UpsampleMode.Nearest, AlignCorners = false)";

        public override string ShapeRule => "`C×H×W → C×H'×W'`, `H' = Size` or `floor(H·ScaleFactor)`; bilinear needs C×H×W";

        protected override Spec ReadSpec(DeclaredArguments args) =>
            new(args.Display, args.Int("Size", 0), args.Double("ScaleFactor", 0), (UpsampleModeSpec)args.Int("Mode", 0), args.Bool("AlignCorners", false));

        protected override IEnumerable<string> Check(Spec spec)
        {
            bool hasSize = spec.Size != 0;
            bool hasScale = spec.ScaleFactor != 0;
            if (hasSize == hasScale)
            {
                yield return $"{spec.Display}: give exactly one of Size and ScaleFactor";
            }
            else if (hasSize && spec.Size < 0)
            {
                yield return $"{spec.Display}: the size must be positive, got {spec.Size}";
            }
            else if (hasScale && !(spec.ScaleFactor > 0 && spec.ScaleFactor < 1e6))
            {
                yield return $"{spec.Display}: the scale factor must be positive, got {Numbers.Format(spec.ScaleFactor)}";
            }

            if (spec.Mode is < UpsampleModeSpec.Nearest or > UpsampleModeSpec.Trilinear)
            {
                yield return $"{spec.Display}: unknown Mode value {(int)spec.Mode}";
            }
            else if (spec.AlignCorners && spec.Mode == UpsampleModeSpec.Nearest)
            {
                yield return $"{spec.Display}: AlignCorners only applies to the linear modes (Linear, Bilinear, Bicubic, Trilinear), not Nearest; remove it";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            int spatial = input.Count - 1;
            int? needed = spec.Mode switch
            {
                UpsampleModeSpec.Linear => 1,
                UpsampleModeSpec.Bilinear or UpsampleModeSpec.Bicubic => 2,
                UpsampleModeSpec.Trilinear => 3,
                _ => null,
            };
            if (needed is int rank ? spatial != rank : spatial is < 1 or > 3)
            {
                string wanted = needed is int r ? Window.MapShape(r) : "C×L, C×H×W or C×D×H×W";
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} ({spec.Mode.ToString().ToLowerInvariant()}) needs a {wanted} feature map but {context.Source}");
            }

            var output = new int[input.Count];
            output[0] = input[0];
            for (int axis = 1; axis < input.Count; axis++)
            {
                double scaled = spec.Size != 0 ? spec.Size : Math.Floor(input[axis] * spec.ScaleFactor);
                if (scaled < 1)
                {
                    return context.Fail(ProblemKind.EmptyOutput,
                        $"{spec.Display} gives an empty output because {context.Source}: {Window.Names(spatial)[axis - 1]} = floor({input[axis]} · {Numbers.Format(spec.ScaleFactor)}) = 0; use a larger scale factor");
                }

                if (scaled > int.MaxValue)
                {
                    return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: the scale factor makes the output larger than a dimension can hold");
                }

                output[axis] = (int)scaled;
            }

            return new LayerOutcome(Shape.Of(output), LayerCounts.None, ChannelsFirst: true);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            int spatial = layer.InputShape.Count - 1;
            string size = spec.Size != 0 ? $"new long[] {{ {string.Join(", ", Repeat(spec.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), spatial))} }}" : "null";
            string scale = spec.ScaleFactor != 0 ? $"new double[] {{ {string.Join(", ", Repeat(CSharp.Literal(spec.ScaleFactor), spatial))} }}" : "null";
            string align = spec.AlignCorners ? "true" : "null";
            return $"{CSharp.Nn}.Upsample(size: {size}, scale_factor: {scale}, mode: global::TorchSharp.torch.UpsampleMode.{spec.Mode}, align_corners: {align})";
        }

        private static IEnumerable<string> Repeat(string value, int count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return value;
            }
        }

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => ((Spec)layer.Spec).Mode == UpsampleModeSpec.Nearest
            ? "y = A·x along each axis (A picks each output's nearest input): δ ← Aᵀ·δ per axis, the copies adding up"
            : "y = A·x along each axis (A holds the interpolation weights): δ ← Aᵀ·δ per axis";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (names.NeedsInputGradient)
            {
                var spec = (Spec)layer.Spec;
                yield return $"{names.Grad} = {BackwardRules.Gradients}.Upsample({names.Grad}, {names.Input}, global::TorchSharp.torch.UpsampleMode.{spec.Mode}, alignCorners: {CSharp.Literal(spec.AlignCorners)}, scaleFactor: {CSharp.Literal(spec.ScaleFactor)});";
            }
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// ZeroPad2d: zeros around the last two dimensions (H×W), one number for every side or four
    /// (left, right, top, bottom) as in PyTorch. Negative numbers crop, as in PyTorch.
    /// </summary>
    internal sealed partial class ZeroPad2dLayer : LayerEntry<ZeroPad2dLayer.Spec>
    {
        public static readonly ZeroPad2dLayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="Padding">One value for every side, or left, right, top, bottom.</param>
        public sealed record Spec(string Display, EquatableArray<int> Padding) : LayerSpec(Instance, Display)
        {
            /// <summary>The padding as (left, right, top, bottom).</summary>
            public (int Left, int Right, int Top, int Bottom) Sides => Padding.Count == 1
                ? (Padding[0], Padding[0], Padding[0], Padding[0])
                : (Padding[0], Padding[1], Padding[2], Padding[3]);
        }

        public override string Name => "ZeroPad2d";

        public override string FieldPrefix => "zeropad";

        public override LayerTraits Traits => LayerTraits.Reshapes;

        public override string Signature => "ZeroPad2d(padding) or ZeroPad2d(left, right, top, bottom)";

        public override string ShapeRule => "`C×H×W → C×(H + top + bottom)×(W + left + right)`";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, new EquatableArray<int>(args.IntArray(0)));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.Padding.Count is not (1 or 4))
            {
                yield return $"{spec.Display}: give one padding for every side or four (left, right, top, bottom), got {spec.Padding.Count}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            EquatableArray<int> input = context.Input;
            if (input.Count is not (2 or 3))
            {
                return context.Fail(ProblemKind.RankMismatch, $"{spec.Display} needs a C×H×W feature map (or H×W) but {context.Source}");
            }

            (int left, int right, int top, int bottom) = spec.Sides;
            long height = (long)input[input.Count - 2] + top + bottom;
            long width = (long)input[input.Count - 1] + left + right;
            if (height <= 0 || width <= 0)
            {
                return context.Fail(ProblemKind.EmptyOutput,
                    $"{spec.Display} crops more than there is: {context.Source}, so the output would be {Numbers.Format(height)}×{Numbers.Format(width)}");
            }

            if (height > int.MaxValue || width > int.MaxValue)
            {
                return context.Fail(ProblemKind.InvalidArgument, $"{spec.Display}: the padding makes the output larger than a dimension can hold");
            }

            int[] output = input.ToArray();
            output[output.Length - 2] = (int)height;
            output[output.Length - 1] = (int)width;
            return new LayerOutcome(Shape.Of(output), LayerCounts.None);
        }

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            (int left, int right, int top, int bottom) = spec.Sides;
            return spec.Padding.Count == 1
                ? $"{CSharp.Nn}.ZeroPad2d(padding: {left})"
                : $"{CSharp.Nn}.ZeroPad2d(padding: ({left}, {right}, {top}, {bottom}))";
        }

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => Crops((Spec)layer.Spec)
            ? "δ ← δ padded by the negated padding (the padded border dropped, the cropped border zero)"
            : "δ ← δ without the padded border";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            var spec = (Spec)layer.Spec;
            (int left, int right, int top, int bottom) = spec.Sides;
            if (Crops(spec))
            {
                yield return $"{names.Grad} = {CSharp.Nn}.functional.pad({names.Grad}, new long[] {{ {-left}, {-right}, {-top}, {-bottom} }});";
                yield break;
            }

            int height = layer.InputShape[layer.InputShape.Count - 2], width = layer.InputShape[layer.InputShape.Count - 1];
            yield return $"{names.Grad} = {names.Grad}.narrow(-2, {top}, {height}).narrow(-1, {left}, {width});";
        }

        /// <summary>Whether a side is negative, which crops.</summary>
        private static bool Crops(Spec spec)
        {
            (int left, int right, int top, int bottom) = spec.Sides;
            return left < 0 || right < 0 || top < 0 || bottom < 0;
        }
    }
}

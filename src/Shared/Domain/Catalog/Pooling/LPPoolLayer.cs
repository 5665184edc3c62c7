using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// LPPool1d and LPPool2d: the p-norm of each window, (Σ xᵖ)^(1/p); p = 2 is the course notes'
    /// L2 pooling, p = ∞ max pooling. No padding; the stride defaults to the window; the output
    /// size is average pooling's.
    /// </summary>
    internal sealed partial class LPPoolLayer : LayerEntry<LPPoolLayer.Spec>
    {
        public static readonly LPPoolLayer OneD = new(1);
        public static readonly LPPoolLayer TwoD = new(2);

        private LPPoolLayer(int rank) => Rank = rank;

        /// <param name="Pool">The entry of the kind (its rank).</param>
        /// <param name="Display">The attribute as written.</param>
        /// <param name="NormType">The power p of the norm.</param>
        /// <param name="Kernel">Window size per axis.</param>
        /// <param name="Stride">Stride per axis (default: the window).</param>
        /// <param name="CeilMode">Whether the output size rounds up (default false).</param>
        public sealed record Spec(LPPoolLayer Pool, string Display, double NormType, Axes Kernel, Axes Stride, bool CeilMode) : LayerSpec(Pool, Display);

        /// <summary>The number of spatial axes: 1 or 2.</summary>
        public int Rank { get; }

        public override string Name => $"LPPool{Rank}d";

        public override string FieldPrefix => "lppool";

        public override string Signature => $"{Name}(normType, kernel, Stride = kernel, CeilMode = false)";

        public override string ShapeRule => $"`{Window.MapShape(Rank)}` keeps C; each axis `floor((W − F) / S) + 1`; the p-norm of each window (p = 2: L2 pooling)";

        protected override Spec ReadSpec(DeclaredArguments args)
        {
            Axes kernel = Window.Read(args, "Kernel", Rank, args.Int(1, 0));
            Axes stride = Window.Read(args, "Stride", Rank, args.Int("Stride", 0), axis => kernel[axis]);
            return new Spec(this, args.Display, args.Double(0, 2.0), kernel, stride, args.Bool("CeilMode", false));
        }

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (!(spec.NormType > 0))
            {
                yield return $"{spec.Display}: the norm type p must be positive, got {Numbers.Format(spec.NormType)}";
            }

            foreach (string message in Window.Check(spec.Display, spec.Kernel, spec.Stride, Axes.Same(Rank, 0), dilation: null))
            {
                yield return message;
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context) =>
            Window.Infer(spec.Display, spec.Kernel, spec.Stride, Axes.Same(Rank, 0), Axes.Same(Rank, 1), context, spec.CeilMode) is int[] sizes
                ? new LayerOutcome(PoolLayer.ChannelsAnd(context.Input[0], sizes), LayerCounts.None, ChannelsFirst: true)
                : null;

        protected override string Factory(Spec spec, LayerPlan layer)
        {
            string kernel = Rank == 1 ? spec.Kernel.Tuple() : spec.Kernel.LongArray();
            string stride = Rank == 1 ? spec.Stride.Tuple() : spec.Stride.LongArray();
            string ceil = spec.CeilMode ? ", ceil_mode: true" : string.Empty;
            return $"{CSharp.Nn}.{Name}(norm_type: {CSharp.Literal(spec.NormType)}, kernel_size: {kernel}, stride: {stride}{ceil})";
        }

        public override bool HasBackward(LayerPlan layer) => true;

        public override IEnumerable<string> SavedForBackward(LayerPlan layer) => new[] { "average" };

        public override IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            // a = avg_pool(xᵖ), whose root the layer takes: kept for the backward.
            yield return $"{names.Saved("average")} = {BackwardRules.Gradients}.PowerAverage({names.Input}, {CSharp.Literal(spec.NormType)}, {spec.Kernel.LongArray()}, {spec.Stride.LongArray()}, ceilMode: {CSharp.Literal(spec.CeilMode)});";
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
        }

        public override string BackwardFormula(LayerPlan layer) => "y = (K·a)^(1/p), a = avg_pool(xᵖ): δ ← avg_pool_backward(δ·y/a) ⊙ x^(p − 1)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            if (!names.NeedsInputGradient)
            {
                yield break;
            }

            var spec = (Spec)layer.Spec;
            yield return $"{names.Grad} = {BackwardRules.Gradients}.LPPool({names.Input}, {names.Grad}, {names.Output}, {names.Saved("average")}, {CSharp.Literal(spec.NormType)}, {spec.Kernel.LongArray()}, {spec.Stride.LongArray()}, ceilMode: {CSharp.Literal(spec.CeilMode)});";
        }
    }
}

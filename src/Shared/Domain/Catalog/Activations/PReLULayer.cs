using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// PReLU: x for x ≥ 0, a·x below, with the slope a learned: one shared slope or one per
    /// channel. As in PyTorch, the channels are dimension 1 of the batch (the first dimension of a
    /// sample: C of C×H×W, F of flat features).
    /// </summary>
    internal sealed partial class PReLULayer : LayerEntry<PReLULayer.Spec>
    {
        public static readonly PReLULayer Instance = new();

        /// <param name="Display">The attribute as written.</param>
        /// <param name="NumParameters">The number of slopes: 1, or the number of channels.</param>
        /// <param name="Init">The slopes' initial value.</param>
        public sealed record Spec(string Display, int NumParameters, double Init) : LayerSpec(Instance, Display);

        public override string Name => "PReLU";

        public override string FieldPrefix => "prelu";

        public override LayerTraits Traits => LayerTraits.Activation;

        public override string Signature => "PReLU(NumParameters = 1, Init = 0.25)";

        public override string ShapeRule => "unchanged; `x ≥ 0 ? x : a·x`, a learned (one, or one per channel `C`)";

        public override string ParameterRule => "`NumParameters` (1 or `C`)";

        protected override Spec ReadSpec(DeclaredArguments args) => new(args.Display, args.Int("NumParameters", 1), args.Double("Init", 0.25));

        protected override IEnumerable<string> Check(Spec spec)
        {
            if (spec.NumParameters < 1)
            {
                yield return $"{spec.Display}: NumParameters must be 1 (one shared slope) or the number of channels, got {spec.NumParameters}";
            }

            if (double.IsNaN(spec.Init) || double.IsInfinity(spec.Init))
            {
                yield return $"{spec.Display}: Init must be finite, got {Numbers.Format(spec.Init)}";
            }
        }

        protected override LayerOutcome? Infer(Spec spec, LayerContext context)
        {
            int channels = context.Input[0];
            if (spec.NumParameters != 1 && spec.NumParameters != channels)
            {
                return context.Fail(ProblemKind.InvalidArgument,
                    $"{spec.Display}: one slope per channel needs NumParameters = {channels} ({context.Source}), got {spec.NumParameters}; use {channels}, or 1 for one shared slope");
            }

            return new LayerOutcome(context.Input, LayerCounts.Elementwise(spec.NumParameters), channels);
        }

        protected override string Factory(Spec spec, LayerPlan layer) =>
            $"{CSharp.Nn}.PReLU(num_parameters: {spec.NumParameters}, init: {CSharp.Literal(spec.Init)})";

        public override bool HasBackward(LayerPlan layer) => true;

        public override string BackwardFormula(LayerPlan layer) => "∂a = Σ δ⊙min(x, 0) (per channel), δ ← δ ⊙ (x > 0 ? 1 : a)";

        public override IEnumerable<string> Backward(LayerPlan layer, BackwardNames names)
        {
            var spec = (Spec)layer.Spec;
            string x = names.Input, g = names.Grad;
            if (spec.NumParameters == 1)
            {
                yield return names.SetGradient("weight", $"{g}.mul({x}.clamp_max(0.0)).sum().reshape(1)");
            }
            else
            {
                yield return names.SetGradient("weight", $"{g}.mul({x}.clamp_max(0.0)).transpose(0, 1).reshape({spec.NumParameters}, -1).sum(1L)");
            }

            if (names.NeedsInputGradient)
            {
                // The slopes broadcast over the channel dimension (1) of the batched input.
                var shape = new List<string>();
                for (int i = 0; i <= layer.InputShape.Count; i++)
                {
                    shape.Add(i == 1 ? spec.NumParameters.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
                }

                string a = spec.NumParameters == 1 ? names.Parameter("weight") : $"{names.Parameter("weight")}.reshape({string.Join(", ", shape)})";
                yield return $"{g} = {g}.mul({x}.gt(0.0).to({x}.dtype).mul_({a}.neg().add(1.0)).add_({a}));";
            }
        }
    }
}

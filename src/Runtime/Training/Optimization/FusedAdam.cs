using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// TorchSharp's Adam (<see cref="Adam"/>, whose <c>step()</c>, state dictionary and parameter groups it
    /// keeps), plus a fused step over a <see cref="FlatParameters"/> layout: g = ∇ + λw, then the moment
    /// and parameter updates of <see cref="Adam"/> as a handful of whole-buffer operations.
    /// </summary>
    public sealed class FusedAdam : Adam, IFusedOptimizer
    {
        private readonly FlatMoments _moments = new();

        /// <summary>Creates the optimizer over a flat layout's parameters.</summary>
        /// <param name="flat">The layout.</param>
        /// <param name="learningRate">η.</param>
        /// <param name="beta1">β₁.</param>
        /// <param name="beta2">β₂.</param>
        /// <param name="epsilon">ε.</param>
        /// <param name="weightDecay">λ (an L2 term added to the gradient).</param>
        public FusedAdam(FlatParameters flat, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
            : base(flat.Parameters, learningRate, beta1, beta2, epsilon, weightDecay)
        {
        }

        /// <inheritdoc/>
        public bool TryStepFlat(FlatParameters flat)
        {
            System.ArgumentNullException.ThrowIfNull(flat);
            if (!flat.IsTheOnlyGroup(_parameter_groups))
            {
                return false;
            }

            var options = (Options)_parameter_groups[0].Options;
            State[] states = flat.Parameters.Select(p => (State)_state[p.Handle]).ToArray();
            long step = _moments.Begin(
                flat,
                options.maximize == true || options.amsgrad == true,
                states.Select(s => s.step).ToArray(),
                states.Select(s => (s.exp_avg, s.exp_avg_sq, (Tensor?)s.max_exp_avg_sq)).ToArray(),
                (i, m, v) => (states[i].exp_avg, states[i].exp_avg_sq) = (m, v));
            if (step == 0)
            {
                return false;
            }

            foreach (State state in states)
            {
                state.step = step;
            }

            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            double decay = options.weight_decay ?? 0;
            Tensor g = decay != 0 ? flat.Gradients.add(flat.Values, alpha: decay) : flat.Gradients;
            _moments.Update(flat.Values, g, step, _parameter_groups[0].LearningRate, options.beta1!.Value, options.beta2!.Value, options.eps!.Value);
            return true;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _moments.Dispose();
        }
    }

    /// <summary>
    /// TorchSharp's AdamW (<see cref="AdamW"/>) plus a fused step over a <see cref="FlatParameters"/>
    /// layout: the decoupled decay w ← w·(1 − ηλ), then Adam's update without an L2 term, each a
    /// whole-buffer operation.
    /// </summary>
    public sealed class FusedAdamW : AdamW, IFusedOptimizer
    {
        private readonly FlatMoments _moments = new();

        /// <summary>Creates the optimizer over a flat layout's parameters.</summary>
        /// <param name="flat">The layout.</param>
        /// <param name="learningRate">η.</param>
        /// <param name="beta1">β₁.</param>
        /// <param name="beta2">β₂.</param>
        /// <param name="epsilon">ε.</param>
        /// <param name="weightDecay">λ (decoupled).</param>
        public FusedAdamW(FlatParameters flat, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
            : base(flat.Parameters, learningRate, beta1, beta2, epsilon, weightDecay)
        {
        }

        /// <inheritdoc/>
        public bool TryStepFlat(FlatParameters flat)
        {
            System.ArgumentNullException.ThrowIfNull(flat);
            if (!flat.IsTheOnlyGroup(_parameter_groups))
            {
                return false;
            }

            var options = (Options)_parameter_groups[0].Options;
            State[] states = flat.Parameters.Select(p => (State)_state[p.Handle]).ToArray();
            long step = _moments.Begin(
                flat,
                options.maximize == true || options.amsgrad == true,
                states.Select(s => s.step).ToArray(),
                states.Select(s => (s.exp_avg, s.exp_avg_sq, (Tensor?)s.max_exp_avg_sq)).ToArray(),
                (i, m, v) => (states[i].exp_avg, states[i].exp_avg_sq) = (m, v));
            if (step == 0)
            {
                return false;
            }

            foreach (State state in states)
            {
                state.step = step;
            }

            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            double lr = _parameter_groups[0].LearningRate;
            flat.Values.mul_(1 - lr * (options.weight_decay ?? 0));
            _moments.Update(flat.Values, flat.Gradients, step, lr, options.beta1!.Value, options.beta2!.Value, options.eps!.Value);
            return true;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _moments.Dispose();
        }
    }
}

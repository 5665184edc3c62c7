using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// TorchSharp's SGD (<see cref="SGD"/>, whose <c>step()</c>, state dictionary and parameter groups it
    /// keeps), plus a fused step over a <see cref="FlatParameters"/> layout: with g = ∇ + λw,
    /// b ← μb + g (b = g on the first step), g ← g + μb (Nesterov) or b, w ← w − η·g, each one operation
    /// on the whole buffer. The per-parameter momentum buffers are views of one flat buffer, so
    /// <c>step()</c>, <c>state_dict()</c> and the fused step share them.
    /// </summary>
    public sealed class FusedSGD : SGD, IFusedOptimizer
    {
        private Tensor? _momentum;
        private Tensor[]? _momentumViews;

        /// <summary>Creates the optimizer over a flat layout's parameters.</summary>
        /// <param name="flat">The layout.</param>
        /// <param name="learningRate">η.</param>
        /// <param name="momentum">μ.</param>
        /// <param name="weightDecay">λ.</param>
        /// <param name="nesterov">Whether the momentum is Nesterov's.</param>
        public FusedSGD(FlatParameters flat, double learningRate, double momentum, double weightDecay, bool nesterov)
            : base(flat.Parameters, learningRate, momentum, 0, weightDecay, nesterov)
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
            if (options.maximize == true || options.dampening != 0)
            {
                return false;
            }

            double lr = _parameter_groups[0].LearningRate;
            double mu = options.momentum ?? 0;
            double decay = options.weight_decay ?? 0;
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            Tensor g = decay != 0 ? flat.Gradients.add(flat.Values, alpha: decay) : flat.Gradients;
            if (mu != 0)
            {
                // Plain SGD keeps no state: only momentum reads the per-parameter buffers.
                State[] states = flat.Parameters.Select(p => (State)_state[p.Handle]).ToArray();
                bool first = states.All(s => s.momentum_buffer is null);
                if (!first && !Adopt(flat, states))
                {
                    return false;
                }

                if (first)
                {
                    // b = g on the first step, as step() does.
                    _momentum ??= torch.empty_like(flat.Values).DetachFromDisposeScope();
                    _momentum.copy_(g);
                    PointStates(flat, states);
                }
                else
                {
                    _momentum!.mul_(mu).add_(g);
                }

                g = options.nesterov == true ? g.add(_momentum, alpha: mu) : _momentum;
            }

            flat.Values.add_(g, alpha: -lr);
            return true;
        }

        // Every state's buffer must be a view of the flat one; buffers loaded or made by step() are copied in.
        private bool Adopt(FlatParameters flat, State[] states)
        {
            if (states.Any(s => s.momentum_buffer is null))
            {
                return false;
            }

            if (_momentumViews is not null && states.Select(s => s.momentum_buffer).SequenceEqual(_momentumViews, ReferenceEqualityComparer.Instance))
            {
                return true;
            }

            _momentum ??= torch.empty_like(flat.Values).DetachFromDisposeScope();
            for (int i = 0; i < states.Length; i++)
            {
                using Tensor slice = flat.Slice(_momentum, i);
                slice.copy_(states[i].momentum_buffer);
            }

            PointStates(flat, states);
            return true;
        }

        private void PointStates(FlatParameters flat, State[] states)
        {
            // Buffers that were not ours may belong to another optimizer's state: they are copied, never disposed.
            Tensor[]? previous = _momentumViews;
            _momentumViews = new Tensor[states.Length];
            for (int i = 0; i < states.Length; i++)
            {
                Tensor view = flat.Slice(_momentum!, i).DetachFromDisposeScope();
                states[i].momentum_buffer = view;
                _momentumViews[i] = view;
            }

            foreach (Tensor view in previous ?? System.Array.Empty<Tensor>())
            {
                view.Dispose();
            }
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _momentum?.Dispose();
            _momentum = null;
        }
    }
}

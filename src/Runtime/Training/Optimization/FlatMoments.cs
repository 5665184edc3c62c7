using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Adam's two moment buffers over a <see cref="FlatParameters"/> layout, shared by the fused Adam and
    /// AdamW: m and v are flat, and each parameter's optimizer state holds views of its slices, so the
    /// per-tensor <c>step()</c>, <c>state_dict()</c> and the fused step read and write the same numbers.
    /// </summary>
    internal sealed class FlatMoments : IDisposable
    {
        private Tensor? _first;
        private Tensor? _second;
        private Tensor[]? _firstViews;
        private Tensor[]? _secondViews;

        /// <summary>m, the running average of the gradient.</summary>
        public Tensor First => _first!;

        /// <summary>v, the running average of its square.</summary>
        public Tensor Second => _second!;

        /// <summary>
        /// The step t of the coming fused update, every parameter's common step + 1, with the states'
        /// moments adopted as views (<see cref="Adopt"/>); 0 when the update may not run fused (an
        /// unsupported option, steps that differ between parameters, AMSGrad's third buffer).
        /// </summary>
        /// <param name="flat">The layout.</param>
        /// <param name="unsupported">Whether an option (maximize, AMSGrad) rules the fused update out.</param>
        /// <param name="steps">Each parameter's step count, in layout order.</param>
        /// <param name="moments">Each parameter's (m, v, max v) tensors, in layout order.</param>
        /// <param name="assign">Stores a parameter's new (m, v) views in its state.</param>
        /// <returns>t, or 0.</returns>
        public long Begin(FlatParameters flat, bool unsupported, IReadOnlyList<long> steps, IReadOnlyList<(Tensor First, Tensor Second, Tensor? Maximum)> moments, Action<int, Tensor, Tensor> assign)
        {
            if (unsupported || steps.Any(step => step != steps[0]) || !Adopt(flat, moments, assign))
            {
                return 0;
            }

            return steps[0] + 1;
        }

        /// <summary>
        /// Makes the states' moment tensors views of the flat buffers, copying in any that are not (fresh
        /// zeros, or tensors a loaded state dictionary put there). False when a state cannot be adopted
        /// (AMSGrad's third buffer, or steps that differ between parameters).
        /// </summary>
        /// <param name="flat">The layout.</param>
        /// <param name="moments">Each parameter's (m, v, max v) tensors, in layout order.</param>
        /// <param name="assign">Stores a parameter's new (m, v) views in its state.</param>
        /// <returns>Whether the fused step may run.</returns>
        private bool Adopt(FlatParameters flat, IReadOnlyList<(Tensor First, Tensor Second, Tensor? Maximum)> moments, Action<int, Tensor, Tensor> assign)
        {
            if (moments.Any(m => m.Maximum is not null))
            {
                return false;
            }

            if (_firstViews is not null
                && moments.Select(m => m.First).SequenceEqual(_firstViews, ReferenceEqualityComparer.Instance)
                && moments.Select(m => m.Second).SequenceEqual(_secondViews!, ReferenceEqualityComparer.Instance))
            {
                return true;
            }

            using var noGrad = torch.no_grad();
            _first ??= torch.empty_like(flat.Values).DetachFromDisposeScope();
            _second ??= torch.empty_like(flat.Values).DetachFromDisposeScope();
            // Tensors that were not ours may belong to another optimizer's state: they are copied, never disposed.
            Tensor[]? previousFirst = _firstViews, previousSecond = _secondViews;
            _firstViews = new Tensor[moments.Count];
            _secondViews = new Tensor[moments.Count];
            for (int i = 0; i < moments.Count; i++)
            {
                Tensor first = flat.Slice(_first, i).DetachFromDisposeScope();
                Tensor second = flat.Slice(_second, i).DetachFromDisposeScope();
                first.copy_(moments[i].First);
                second.copy_(moments[i].Second);
                assign(i, first, second);
                _firstViews[i] = first;
                _secondViews[i] = second;
            }

            foreach (Tensor view in (previousFirst ?? Array.Empty<Tensor>()).Concat(previousSecond ?? Array.Empty<Tensor>()))
            {
                view.Dispose();
            }

            return true;
        }

        /// <summary>
        /// The Adam update on whole buffers, as TorchSharp's per-tensor step writes it: m ← β₁m + (1 − β₁)g,
        /// v ← β₂v + (1 − β₂)g², w ← w − η/(1 − β₁ᵗ) · m/(√v/√(1 − β₂ᵗ) + ε).
        /// </summary>
        /// <param name="values">w.</param>
        /// <param name="gradient">g (with any L2 term already added).</param>
        /// <param name="step">t, from 1.</param>
        /// <param name="lr">η.</param>
        /// <param name="beta1">β₁.</param>
        /// <param name="beta2">β₂.</param>
        /// <param name="eps">ε.</param>
        public void Update(Tensor values, Tensor gradient, long step, double lr, double beta1, double beta2, double eps)
        {
            double correction1 = 1 - Math.Pow(beta1, step);
            double correction2 = 1 - Math.Pow(beta2, step);
            _first!.mul_(beta1).add_(gradient, alpha: 1 - beta1);
            _second!.mul_(beta2).addcmul_(gradient, gradient, value: 1 - beta2);
            Tensor denominator = (_second.sqrt() / Math.Sqrt(correction2)).add_(eps);
            values.addcdiv_(_first, denominator, value: -lr / correction1);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _first?.Dispose();
            _second?.Dispose();
        }
    }
}

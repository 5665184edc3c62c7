using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// A model's parameters and their gradients as views of two flat buffers, laid out in the order of
    /// <c>parameters()</c>: each parameter's storage is a slice of <see cref="Values"/> and its
    /// <c>.grad</c> a slice of <see cref="Gradients"/>. Everything that reads or writes a parameter or a
    /// gradient one tensor at a time (TorchSharp's optimizers, clipping, <c>state_dict</c>, autograd,
    /// which accumulates into an existing gradient in place) sees ordinary tensors; what works on the
    /// whole model at once — the finite check of a training step and the fused optimizers — is one
    /// operation on one buffer instead of a loop over tensors.
    /// </summary>
    /// <remarks>
    /// Built by a generated model when it creates its optimizer. Parameters of different element types or
    /// devices cannot share a buffer; <see cref="TryCreate"/> returns null for them and the model keeps
    /// separate tensors.
    /// </remarks>
    public sealed class FlatParameters : IDisposable
    {
        private static readonly ConditionalWeakTable<Parameter, Tensor> GradientViews = new();

        private readonly Parameter[] _parameters;
        private readonly Tensor[] _gradients;
        private readonly long[] _offsets;
        private bool _disposed;

        private FlatParameters(Parameter[] parameters)
        {
            _parameters = parameters;
            _gradients = new Tensor[parameters.Length];
            _offsets = new long[parameters.Length];
            long total = parameters.Sum(p => p.numel());
            using var noGrad = torch.no_grad();
            Values = torch.empty(total, dtype: parameters[0].dtype, device: parameters[0].device).DetachFromDisposeScope();
            Gradients = torch.zeros(total, dtype: parameters[0].dtype, device: parameters[0].device).DetachFromDisposeScope();
            long offset = 0;
            for (int i = 0; i < parameters.Length; i++)
            {
                Parameter parameter = parameters[i];
                long count = parameter.numel();
                _offsets[i] = offset;
                using (Tensor value = Values.narrow(0, offset, count).view(parameter.shape))
                {
                    value.copy_(parameter);
                    parameter.set_(value);
                }

                Tensor gradient = Gradients.narrow(0, offset, count).view(parameter.shape).DetachFromDisposeScope();
                using (Tensor? previous = parameter.grad)
                {
                    if (previous is not null)
                    {
                        gradient.copy_(previous);
                    }
                }

                _gradients[i] = gradient;
                parameter.grad = gradient;
                GradientViews.AddOrUpdate(parameter, gradient);
                offset += count;
            }
        }

        /// <summary>Every parameter's values, end to end (a parameter is a view of its slice).</summary>
        public Tensor Values { get; }

        /// <summary>Every parameter's gradient, end to end (a parameter's <c>.grad</c> is a view of its slice).</summary>
        public Tensor Gradients { get; }

        /// <summary>The parameters, in buffer order.</summary>
        public IReadOnlyList<Parameter> Parameters => _parameters;

        /// <summary>
        /// Lays <paramref name="parameters"/> out in one buffer, or returns null when they cannot share one
        /// (none, or different element types or devices).
        /// </summary>
        /// <param name="parameters">The model's parameters, in <c>parameters()</c> order.</param>
        /// <returns>The flat layout, or null.</returns>
        public static FlatParameters? TryCreate(IEnumerable<Parameter> parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            Parameter[] list = parameters.ToArray();
            if (list.Length == 0 || list.Distinct(ReferenceEqualityComparer.Instance).Count() != list.Length)
            {
                return null;
            }

            ScalarType dtype = list[0].dtype;
            Device device = list[0].device;
            if (!list[0].is_floating_point() || list.Any(p => p.dtype != dtype || p.device.type != device.type || p.device.index != device.index))
            {
                return null;
            }

            return new FlatParameters(list);
        }

        /// <summary>Whether <paramref name="parameters"/> are this layout's parameters, the same objects in the same order.</summary>
        /// <param name="parameters">A module's parameters now (a module moved with <c>to()</c> has new ones).</param>
        /// <returns>True when the layout still describes them.</returns>
        public bool Describes(IEnumerable<Parameter> parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            return !_disposed && parameters.SequenceEqual(_parameters, ReferenceEqualityComparer.Instance);
        }

        /// <summary>Whether an optimizer's parameter groups are one group over exactly this layout's parameters (what a fused step updates).</summary>
        /// <param name="groups">The optimizer's parameter groups.</param>
        /// <returns>True when the whole-buffer update covers the optimizer.</returns>
        internal bool IsTheOnlyGroup(IList<ParamGroup> groups) => groups.Count == 1 && Describes(groups[0].Parameters);

        /// <summary>
        /// Makes every trainable parameter's <c>.grad</c> its slice of <see cref="Gradients"/> again (a caller
        /// may have replaced or cleared it), so that autograd accumulates into the buffer.
        /// </summary>
        public void AttachGradients()
        {
            for (int i = 0; i < _parameters.Length; i++)
            {
                if (_parameters[i].requires_grad)
                {
                    _parameters[i].grad = _gradients[i];
                }
            }
        }

        /// <summary>
        /// Whether every parameter requires a gradient: a frozen one keeps no gradient and must not be
        /// moved by a whole-buffer update (weight decay, momentum), so its model steps tensor by tensor.
        /// </summary>
        /// <returns>True when every parameter is trainable.</returns>
        public bool AllTrainable()
        {
            foreach (Parameter parameter in _parameters)
            {
                if (!parameter.requires_grad)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether every gradient is finite, with one reduction and one host synchronization: a NaN or an
        /// infinity anywhere makes the float64 sum non-finite. Only a non-finite sum of finite values
        /// (overflow) is checked element by element.
        /// </summary>
        /// <returns>True when no gradient holds a NaN or an infinity.</returns>
        public bool GradientsFinite()
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            if (double.IsFinite(Gradients.sum(ScalarType.Float64).item<double>()))
            {
                return true;
            }

            return Gradients.isfinite().all().item<bool>();
        }

        /// <summary>The slice of a parameter in <paramref name="buffer"/>, a tensor laid out like <see cref="Values"/>.</summary>
        /// <param name="buffer">A flat buffer of <see cref="Values"/>' size (an optimizer's state).</param>
        /// <param name="index">The parameter's position.</param>
        /// <returns>A view of the slice, shaped like the parameter.</returns>
        internal Tensor Slice(Tensor buffer, int index) =>
            buffer.narrow(0, _offsets[index], _parameters[index].numel()).view(_parameters[index].shape);

        /// <summary>The gradient view of <paramref name="parameter"/> when it lives in a flat buffer.</summary>
        /// <param name="parameter">A parameter.</param>
        /// <param name="gradient">Its slice of the gradient buffer.</param>
        /// <returns>True when the parameter belongs to a live flat layout.</returns>
        internal static bool TryGetGradient(Parameter parameter, out Tensor gradient) =>
            GradientViews.TryGetValue(parameter, out gradient!) && !gradient.IsInvalid;

        /// <summary>Frees the buffers' handles; the parameters keep their storage, the gradients become separate tensors again.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (int i = 0; i < _parameters.Length; i++)
            {
                GradientViews.Remove(_parameters[i]);
                _gradients[i].Dispose();
            }

            Values.Dispose();
            Gradients.Dispose();
        }
    }
}

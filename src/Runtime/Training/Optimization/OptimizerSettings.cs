using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace ModelGen.Training
{
    /// <summary>
    /// An optimizer and all its hyperparameters, as <see cref="OptimizerAttribute"/> declares them;
    /// <see cref="Create(IEnumerable{Parameter})"/> builds the TorchSharp optimizer. Generated models create theirs from
    /// one of these, and <c>UseOptimizer</c> swaps it at run time (the digits sample's
    /// <c>--optimizer</c>). Unset values take PyTorch's defaults for the kind (<see cref="OptimizerDefaults"/>).
    /// </summary>
    /// <param name="Kind">The optimizer.</param>
    public sealed record OptimizerSettings(OptimizerKind Kind)
    {
        /// <summary>The learning rate η.</summary>
        public double LearningRate { get; init; } = OptimizerDefaults.LearningRate(Kind);

        /// <summary>Momentum μ (SGD, RMSprop).</summary>
        public double Momentum { get; init; }

        /// <summary>Nesterov momentum (SGD).</summary>
        public bool Nesterov { get; init; }

        /// <summary>β₁ (Adam family).</summary>
        public double Beta1 { get; init; } = OptimizerDefaults.Beta1;

        /// <summary>β₂ (Adam family).</summary>
        public double Beta2 { get; init; } = OptimizerDefaults.Beta2;

        /// <summary>ε in the denominator.</summary>
        public double Epsilon { get; init; } = OptimizerDefaults.Epsilon(Kind);

        /// <summary>ρ (Adadelta).</summary>
        public double Rho { get; init; } = OptimizerDefaults.Rho;

        /// <summary>α (RMSprop).</summary>
        public double Alpha { get; init; } = OptimizerDefaults.Alpha;

        /// <summary>Centred RMSprop.</summary>
        public bool Centered { get; init; }

        /// <summary>Learning-rate decay (Adagrad).</summary>
        public double LearningRateDecay { get; init; }

        /// <summary>Momentum decay ψ (NAdam).</summary>
        public double MomentumDecay { get; init; } = OptimizerDefaults.MomentumDecay;

        /// <summary>Weight decay λ (decoupled for AdamW, added to the gradient otherwise).</summary>
        public double WeightDecay { get; init; } = OptimizerDefaults.WeightDecay(Kind);

        /// <summary>Clip the global gradient L2 norm to this before each step; 0 for none.</summary>
        public double ClipNorm { get; init; }

        /// <summary>Clip each gradient element to ±this before each step; 0 for none.</summary>
        public double ClipValue { get; init; }

        /// <summary>Whether <see cref="ClipNorm"/> or <see cref="ClipValue"/> is set.</summary>
        public bool ClipsGradients => ClipNorm > 0 || ClipValue > 0;

        /// <summary>Creates the TorchSharp optimizer over <paramref name="parameters"/>.</summary>
        /// <param name="parameters">The parameters to optimize (materialized into a list once).</param>
        /// <returns>A new optimizer.</returns>
        public torch.optim.Optimizer Create(IEnumerable<Parameter> parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            Parameter[] list = parameters.ToArray();
            return Kind switch
            {
                OptimizerKind.SGD => torch.optim.SGD(list, LearningRate, momentum: Momentum, weight_decay: WeightDecay, nesterov: Nesterov),
                OptimizerKind.Adam => torch.optim.Adam(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
                OptimizerKind.AdamW => torch.optim.AdamW(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
                OptimizerKind.Adamax => torch.optim.Adamax(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
                OptimizerKind.NAdam => torch.optim.NAdam(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay, MomentumDecay),
                OptimizerKind.Adagrad => torch.optim.Adagrad(list, LearningRate, LearningRateDecay, WeightDecay, 0, Epsilon),
                OptimizerKind.Adadelta => torch.optim.Adadelta(list, LearningRate, Rho, Epsilon, WeightDecay),
                OptimizerKind.RMSprop => torch.optim.RMSProp(list, LearningRate, Alpha, Epsilon, WeightDecay, Momentum, Centered),
                _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Not an OptimizerKind."),
            };
        }

        /// <summary>
        /// Creates the optimizer over a flat layout's parameters: SGD, Adam and AdamW as their fused
        /// versions (<see cref="FusedSGD"/>, <see cref="FusedAdam"/>, <see cref="FusedAdamW"/>: TorchSharp's
        /// optimizers that can also update the whole buffer at once), the others as <see cref="Create(IEnumerable{Parameter})"/> does.
        /// </summary>
        /// <param name="flat">The model's flat layout.</param>
        /// <returns>A new optimizer.</returns>
        public torch.optim.Optimizer Create(FlatParameters flat)
        {
            ArgumentNullException.ThrowIfNull(flat);
            return Kind switch
            {
                OptimizerKind.SGD => new FusedSGD(flat, LearningRate, Momentum, WeightDecay, Nesterov),
                OptimizerKind.Adam => new FusedAdam(flat, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
                OptimizerKind.AdamW => new FusedAdamW(flat, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
                _ => Create(flat.Parameters),
            };
        }

        /// <summary>
        /// The optimizer step of a generated training step: one fused whole-buffer update when the
        /// optimizer and the layout allow it, otherwise the optimizer's own <c>step()</c>.
        /// </summary>
        /// <param name="optimizer">The model's optimizer.</param>
        /// <param name="flat">The model's flat layout, or null when its parameters are separate tensors.</param>
        public static void Step(torch.optim.Optimizer optimizer, FlatParameters? flat)
        {
            ArgumentNullException.ThrowIfNull(optimizer);
            if (flat is not null && optimizer is IFusedOptimizer fused && flat.AllTrainable() && fused.TryStepFlat(flat))
            {
                return;
            }

            optimizer.step();
        }

        /// <summary>Applies <see cref="ClipNorm"/> and <see cref="ClipValue"/> to the gradients of <paramref name="parameters"/>.</summary>
        /// <param name="parameters">The model's parameters.</param>
        public void ClipGradients(IEnumerable<Parameter> parameters)
        {
            if (ClipNorm <= 0 && ClipValue <= 0)
            {
                return;
            }

            Parameter[] list = parameters.Where(p => p.grad is not null).ToArray();
            if (ClipValue > 0)
            {
                torch.nn.utils.clip_grad_value_(list, ClipValue);
            }

            if (ClipNorm > 0)
            {
                torch.nn.utils.clip_grad_norm_(list, ClipNorm);
            }
        }

        /// <summary>The kind in lower case with its learning rate (and SGD's momentum): <c>nadam (lr 0.002)</c>, <c>sgd (lr 0.02, nesterov momentum 0.9)</c>.</summary>
        /// <returns>The short description.</returns>
        public string Describe()
        {
            string momentum = Momentum > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0}momentum {1}", Nesterov ? "nesterov " : string.Empty, Momentum) : string.Empty;
            return string.Format(CultureInfo.InvariantCulture, "{0} (lr {1}{2})", Kind.ToString().ToLowerInvariant(), LearningRate, momentum);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>What callbacks see of a running <see cref="Trainer.Fit"/>.</summary>
    public sealed class FitState
    {
        private readonly nn.Module _module;

        internal FitState(ITrainableModel model, nn.Module module)
        {
            Model = model;
            _module = module;
        }

        /// <summary>The model being trained.</summary>
        public ITrainableModel Model { get; }

        /// <summary>The current epoch, from 1.</summary>
        public int Epoch { get; internal set; }

        /// <summary>The step within the epoch, from 1 (0 before the first).</summary>
        public int Step { get; internal set; }

        /// <summary>Steps taken since this Fit started.</summary>
        public long GlobalStep { get; internal set; }

        /// <summary>The last step's loss.</summary>
        public float Loss { get; internal set; }

        /// <summary>The learning rate of the current epoch.</summary>
        public double LearningRate { get; internal set; }

        /// <summary>The epochs completed so far in this Fit.</summary>
        public IReadOnlyList<EpochMetrics> History { get; internal set; } = Array.Empty<EpochMetrics>();

        /// <summary>Whether a callback asked to stop.</summary>
        public bool StopRequested { get; private set; }

        /// <summary>Stops training at the end of the current step (the epoch is recorded as it stands).</summary>
        public void RequestStop() => StopRequested = true;

        /// <summary>
        /// The L2 norm of the last step's gradients per layer (the state_dict prefix, <c>conv1</c>),
        /// over all of the layer's parameters, in registration order: the figures that show
        /// vanishing (tiny) or exploding (huge, non-finite) gradients.
        /// </summary>
        /// <returns>Layer name to gradient norm; layers without gradients are left out.</returns>
        public IReadOnlyList<KeyValuePair<string, double>> GradientNorms()
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var sums = new List<KeyValuePair<string, double>>();
            foreach ((string name, TorchSharp.Modules.Parameter parameter) in _module.named_parameters())
            {
                Tensor? gradient = parameter.grad;
                if (gradient is null)
                {
                    continue;
                }

                int dot = name.LastIndexOf('.');
                string layer = dot < 0 ? name : name.Substring(0, dot);
                double squares = gradient.to(ScalarType.Float64).square().sum().item<double>();
                int index = sums.FindIndex(pair => pair.Key == layer);
                if (index < 0)
                {
                    sums.Add(new KeyValuePair<string, double>(layer, squares));
                }
                else
                {
                    sums[index] = new KeyValuePair<string, double>(layer, sums[index].Value + squares);
                }
            }

            return sums.Select(pair => new KeyValuePair<string, double>(pair.Key, Math.Sqrt(pair.Value))).ToArray();
        }
    }
}

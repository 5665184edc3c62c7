using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelGen.Training
{
    /// <summary>
    /// The loss or a gradient became NaN or infinite, so the training step stopped before the
    /// optimizer's update: the weights are untouched. The message names the step, the layer whose
    /// gradients blew up (non-finite, or else the largest), and lists every parameter's statistics,
    /// which usually show where the run diverged or that the batch itself held NaN.
    /// </summary>
    public sealed class NonFiniteLossException : Exception
    {
        /// <summary>Creates the exception for a step of <see cref="Trainer.Fit"/>.</summary>
        /// <param name="model">The model's name.</param>
        /// <param name="epoch">The epoch, from 1 (0 when the step was not part of an epoch).</param>
        /// <param name="step">The step within the epoch (or the model's step count), from 1.</param>
        /// <param name="globalStep">The step counted from the start of training, from 1.</param>
        /// <param name="loss">The loss value.</param>
        /// <param name="parameters">The statistics of every parameter, gradients included, at that moment.</param>
        /// <param name="inner">The exception this one refines, if any.</param>
        public NonFiniteLossException(string model, int epoch, int step, long globalStep, float loss, IReadOnlyList<ParameterStatistics> parameters, Exception? inner = null)
            : base(Describe(model, epoch, step, globalStep, loss, parameters), inner)
        {
            Model = model;
            Epoch = epoch;
            Step = step;
            GlobalStep = globalStep;
            Loss = loss;
            Parameters = parameters;
            Layer = BlownUpLayer(parameters);
        }

        /// <summary>The model's name.</summary>
        public string Model { get; }

        /// <summary>The epoch, from 1; 0 for a <c>TrainStep</c> called outside <see cref="Trainer.Fit"/>.</summary>
        public int Epoch { get; }

        /// <summary>The step within the epoch (outside Fit: the model's TrainStep count), from 1.</summary>
        public int Step { get; }

        /// <summary>The step counted from the start of training, from 1.</summary>
        public long GlobalStep { get; }

        /// <summary>The loss value.</summary>
        public float Loss { get; }

        /// <summary>
        /// The layer (state_dict prefix, e.g. <c>fc1</c>) whose gradients blew up: the last one in
        /// the forward order with a non-finite gradient (the first that backward reached), or the
        /// one with the largest gradient norm when every gradient is finite; null without gradients.
        /// </summary>
        public string? Layer { get; }

        /// <summary>The statistics of every parameter when the step stopped.</summary>
        public IReadOnlyList<ParameterStatistics> Parameters { get; }

        private static string? BlownUpLayer(IReadOnlyList<ParameterStatistics> parameters)
        {
            ParameterStatistics? nonFinite = parameters.LastOrDefault(p => p.GradientNorm is double norm && !double.IsFinite(norm));
            ParameterStatistics? largest = parameters.Where(p => p.GradientNorm is not null).OrderByDescending(p => p.GradientNorm!.Value).FirstOrDefault();
            ParameterStatistics? chosen = nonFinite ?? largest;
            if (chosen is null)
            {
                return null;
            }

            int dot = chosen.Name.LastIndexOf('.');
            return dot < 0 ? chosen.Name : chosen.Name.Substring(0, dot);
        }

        private static string Describe(string model, int epoch, int step, long globalStep, float loss, IReadOnlyList<ParameterStatistics> parameters)
        {
            var message = new StringBuilder();
            string where = epoch > 0
                ? string.Format(CultureInfo.InvariantCulture, "epoch {0}, step {1} (step {2} overall)", epoch, step, globalStep)
                : string.Format(CultureInfo.InvariantCulture, "step {0}", step);
            string? layer = BlownUpLayer(parameters);
            bool gradientsBlewUp = parameters.Any(p => p.GradientNorm is double norm && !double.IsFinite(norm));
            string what = float.IsFinite(loss)
                ? $"the loss is {loss.ToString(CultureInfo.InvariantCulture)} but the gradients are not finite"
                : $"the loss is {loss.ToString(CultureInfo.InvariantCulture)}";
            message.Append(CultureInfo.InvariantCulture, $"{model}: {what} at {where}; the step stopped before its update, the weights are untouched.");
            if (layer is not null)
            {
                message.Append(gradientsBlewUp ? $" Gradients blew up in layer {layer}." : $" The largest gradients are in layer {layer}.");
            }

            message.Append(" Lower the learning rate, clip the gradients (ClipNorm), check the inputs for NaN/∞, or scale the features. Parameters:");
            foreach (ParameterStatistics parameter in parameters)
            {
                message.Append('\n').Append("  ").Append(parameter);
            }

            return message.ToString();
        }
    }
}

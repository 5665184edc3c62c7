using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelGen.Training
{
    /// <summary>
    /// The loss became NaN or infinite, so training stopped before the step that would have
    /// spread it into the weights. The message names the epoch and step and lists every
    /// parameter's statistics, which usually show where the run diverged (huge or non-finite
    /// weights, exploding gradients) or that the batch itself held NaN.
    /// </summary>
    public sealed class NonFiniteLossException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="model">The model's name.</param>
        /// <param name="epoch">The epoch, from 1.</param>
        /// <param name="step">The step within the epoch, from 1.</param>
        /// <param name="globalStep">The step counted from the start of training, from 1.</param>
        /// <param name="loss">The loss value.</param>
        /// <param name="parameters">The statistics of every parameter at that moment.</param>
        public NonFiniteLossException(string model, int epoch, int step, long globalStep, float loss, IReadOnlyList<ParameterStatistics> parameters)
            : base(Describe(model, epoch, step, globalStep, loss, parameters))
        {
            Model = model;
            Epoch = epoch;
            Step = step;
            GlobalStep = globalStep;
            Loss = loss;
            Parameters = parameters;
        }

        /// <summary>The model's name.</summary>
        public string Model { get; }

        /// <summary>The epoch, from 1.</summary>
        public int Epoch { get; }

        /// <summary>The step within the epoch, from 1.</summary>
        public int Step { get; }

        /// <summary>The step counted from the start of training, from 1.</summary>
        public long GlobalStep { get; }

        /// <summary>The loss value (NaN or ±∞).</summary>
        public float Loss { get; }

        /// <summary>The statistics of every parameter when the loss was computed.</summary>
        public IReadOnlyList<ParameterStatistics> Parameters { get; }

        private static string Describe(string model, int epoch, int step, long globalStep, float loss, IReadOnlyList<ParameterStatistics> parameters)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture,
                $"{model}: the loss is {loss.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, step {step} (step {globalStep} overall); training stopped before that step's update.");
            message.Append(" Lower the learning rate, check the inputs for NaN/∞, or scale the features. Parameters:");
            foreach (ParameterStatistics parameter in parameters)
            {
                message.Append('\n').Append("  ").Append(parameter);
            }

            return message.ToString();
        }
    }
}

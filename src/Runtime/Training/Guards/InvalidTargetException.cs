using System;

namespace ModelGen.Training
{
    /// <summary>A training or evaluation batch does not fit the model's declared loss (empty, mismatched sizes, wrong target type or range).</summary>
    public sealed class InvalidTargetException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="model">The model's name.</param>
        /// <param name="message">The message, naming the model.</param>
        public InvalidTargetException(string model, string message)
            : base(message, "target") => Model = model;

        /// <summary>The model's name.</summary>
        public string Model { get; }
    }
}

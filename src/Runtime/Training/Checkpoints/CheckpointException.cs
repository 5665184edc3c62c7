using System;
using System.Collections.Generic;

namespace ModelGen.Training
{
    /// <summary>
    /// A checkpoint could not be loaded: the file is missing, truncated or corrupted, or its
    /// tensors do not match the model (every mismatched key, shape and dtype is listed). Nothing
    /// of the checkpoint was applied.
    /// </summary>
    public sealed class CheckpointException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="path">The checkpoint file.</param>
        /// <param name="message">What is wrong, in one line where possible.</param>
        /// <param name="mismatches">One entry per mismatched key (empty for a damaged file).</param>
        /// <param name="inner">The underlying error, if any.</param>
        public CheckpointException(string path, string message, IReadOnlyList<string>? mismatches = null, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
            Mismatches = mismatches ?? Array.Empty<string>();
        }

        /// <summary>The checkpoint file.</summary>
        public string Path { get; }

        /// <summary>Every key whose presence, shape or dtype differs between the file and the model.</summary>
        public IReadOnlyList<string> Mismatches { get; }
    }
}

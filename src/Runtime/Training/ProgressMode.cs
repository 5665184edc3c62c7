namespace ModelGen.Training
{
    /// <summary>How <see cref="Trainer.Fit"/> reports progress.</summary>
    public enum ProgressMode
    {
        /// <summary>
        /// A live progress bar on an interactive console; one line per epoch when the output is
        /// redirected (a log file, CI) or when <see cref="FitOptions.Output"/> is set.
        /// </summary>
        Auto = 0,

        /// <summary>One line per epoch, nothing in between: log-friendly.</summary>
        Lines = 1,

        /// <summary>A live Spectre.Console progress bar, plus one line per epoch.</summary>
        Bar = 2,

        /// <summary>Nothing is written.</summary>
        None = 3,
    }
}

namespace ModelGen.Training
{
    /// <summary>Why <see cref="Trainer.Fit"/> returned.</summary>
    public enum StopReason
    {
        /// <summary>Every planned epoch ran.</summary>
        Completed = 0,

        /// <summary><see cref="FitOptions.EarlyStopping"/> stopped it.</summary>
        EarlyStopping = 1,

        /// <summary>The cancellation token fired; training stopped after the current step.</summary>
        Cancelled = 2,

        /// <summary>A callback called <see cref="FitState.RequestStop"/>.</summary>
        Callback = 3,
    }
}

namespace ModelGen.Training
{
    /// <summary>
    /// Hooks into <see cref="Trainer.Fit"/>: override what you need. Every hook gets the run's
    /// <see cref="FitState"/>, which exposes the epoch and step, the last loss, the learning rate,
    /// per-layer gradient norms, and <see cref="FitState.RequestStop"/>.
    /// </summary>
    public abstract class FitCallback
    {
        /// <summary>Before an epoch's first step (the learning rate is already set).</summary>
        /// <param name="state">The run.</param>
        public virtual void OnEpochStart(FitState state)
        {
        }

        /// <summary>After each step, while that step's gradients are still in the parameters.</summary>
        /// <param name="state">The run.</param>
        public virtual void OnStepEnd(FitState state)
        {
        }

        /// <summary>After an epoch and its validation.</summary>
        /// <param name="state">The run.</param>
        /// <param name="metrics">The epoch's figures.</param>
        public virtual void OnEpochEnd(FitState state, EpochMetrics metrics)
        {
        }
    }
}

namespace ModelGen.Training
{
    /// <summary>
    /// An optimizer that can update a whole <see cref="FlatParameters"/> layout in a few whole-buffer
    /// operations, equal element for element to its per-tensor <c>step()</c>.
    /// </summary>
    public interface IFusedOptimizer
    {
        /// <summary>
        /// Updates the parameters of <paramref name="flat"/> from its gradient buffer, or returns false
        /// (changing nothing) when this optimizer's settings or state do not allow it: then call
        /// <c>step()</c>, which updates the same tensors one at a time.
        /// </summary>
        /// <param name="flat">The layout the optimizer was created over.</param>
        /// <returns>Whether the step was taken.</returns>
        bool TryStepFlat(FlatParameters flat);
    }
}

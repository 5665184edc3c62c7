using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>
    /// What <see cref="ModelSpecReader"/> reads from a model class. Indices point into the class
    /// symbol's <c>GetAttributes()</c> so that the analyzer can turn them into locations; the
    /// generator ignores them. Everything is a value, so it may flow through the incremental
    /// pipeline.
    /// </summary>
    /// <param name="Spec">The model as declared.</param>
    /// <param name="ModelAttribute">Index of the [Model] attribute.</param>
    /// <param name="LayerAttributes">Index of each layer's attribute, parallel to <c>Spec.Layers</c>.</param>
    /// <param name="LossAttribute">Index of the [Loss] attribute, or -1.</param>
    /// <param name="OptimizerAttribute">Index of the [Optimizer] attribute, or -1.</param>
    /// <param name="Problems">Problems found while reading (out-of-range enum values, …).</param>
    /// <param name="SpreadAttributes">Layer attributes that sit on another partial declaration than [Model].</param>
    /// <param name="IsMalformed">An attribute has compile errors (the compiler reports them); nothing is generated.</param>
    internal sealed record ModelDeclaration(
        ModelSpec Spec,
        int ModelAttribute,
        EquatableArray<int> LayerAttributes,
        int LossAttribute,
        int OptimizerAttribute,
        EquatableArray<ModelProblem> Problems,
        EquatableArray<int> SpreadAttributes,
        bool IsMalformed)
    {
        /// <summary>Index of each <c>[Initialize]</c> attribute, in source order (a problem's <c>LayerIndex</c> points into it).</summary>
        public EquatableArray<int> InitializerAttributes { get; init; } = EquatableArray<int>.Empty;
    }
}

using System;

namespace ModelGen.Samples.Zoo
{
    /// <summary>One model of the zoo: its name in the TSV, its compile-time costs, how to build it, and what was published.</summary>
    /// <param name="Name">The row name (<c>lenet5</c>).</param>
    /// <param name="Description">What the model is.</param>
    /// <param name="CompileTime">The generated <c>Costs</c> constant of the model class.</param>
    /// <param name="Create">Constructs the TorchSharp module (on the CPU).</param>
    /// <param name="Published">The published numbers.</param>
    public sealed record ZooModel(string Name, string Description, ModelCosts CompileTime, Func<IGeneratedModel> Create, Published Published);
}

namespace ModelGen.Training
{
    /// <summary>What <see cref="Checkpoint.Load"/> read besides the tensors.</summary>
    /// <param name="Model">The name of the model that saved it.</param>
    /// <param name="Epoch">The epochs trained when it was saved (pass it as <see cref="FitOptions.InitialEpoch"/> to resume).</param>
    /// <param name="Optimizer">The optimizer's settings when it was saved (<c>adam (lr 0.001)</c>).</param>
    /// <param name="Tensors">The number of weight and buffer tensors loaded.</param>
    /// <param name="OptimizerStateLoaded">Whether the optimizer's state (moments, step counts) was restored.</param>
    public sealed record CheckpointInfo(string Model, int Epoch, string Optimizer, int Tensors, bool OptimizerStateLoaded);
}

using System.Collections.Generic;
using TorchSharp;

namespace ModelGen
{
    /// <summary>What every generated model exposes, for code that works with any of them.</summary>
    public interface IGeneratedModel
    {
        /// <summary>The model class's name.</summary>
        string ModelName { get; }

        /// <summary>Trainable parameters, computed at compile time.</summary>
        long ParameterCount { get; }

        /// <summary>Whether the model has been disposed (running, training, evaluating or checkpointing it then throws <see cref="System.ObjectDisposedException"/> naming the model).</summary>
        bool IsDisposed { get; }

        /// <summary>Buffers, mult-adds and memory for one sample, computed at compile time.</summary>
        ModelCosts Costs { get; }

        /// <summary>The per-sample input shape.</summary>
        TensorShape InputShape { get; }

        /// <summary>The per-sample output shape.</summary>
        TensorShape OutputShape { get; }

        /// <summary>The layers in order.</summary>
        IReadOnlyList<LayerInfo> LayerTable { get; }

        /// <summary>A printable table of the layers.</summary>
        string Summary { get; }

        /// <summary>
        /// The model's graph as a Mermaid flowchart (shapes on the edges; blocks and branches as
        /// subgraphs). A model with blocks, branches or segments has it as a compile-time constant;
        /// a stack draws its layer table as a chain.
        /// </summary>
        string Diagram => ModelDiagram.Chain(this);

        /// <summary>
        /// The device given to the constructor (the CPU by default), where the parameters live and
        /// where the training loop moves batches. Choose the device when constructing the model
        /// rather than moving it later with <c>to(...)</c>.
        /// </summary>
        torch.Device Device { get; }

        /// <summary>Runs the network on a batch.</summary>
        /// <param name="input">A batch of <see cref="InputShape"/> samples.</param>
        /// <returns>A batch of <see cref="OutputShape"/> outputs.</returns>
        torch.Tensor forward(torch.Tensor input);
    }

    /// <summary>A generated model that declares a loss and an optimizer, and so has a training step.</summary>
    public interface ITrainableModel : IGeneratedModel
    {
        /// <summary>The declared loss.</summary>
        LossKind LossKind { get; }

        /// <summary>The declared loss with its settings (reduction, smoothing, weights, penalties).</summary>
        Training.LossFunction LossFunction { get; }

        /// <summary>The optimizer over this model's parameters, created from <see cref="OptimizerSettings"/> on first use.</summary>
        torch.optim.Optimizer Optimizer { get; }

        /// <summary>The optimizer's settings: the declared ones until <see cref="UseOptimizer"/> replaces them.</summary>
        Training.OptimizerSettings OptimizerSettings { get; }

        /// <summary>The number of training steps taken (TrainStep calls that reached the update check).</summary>
        long TrainSteps { get; }

        /// <summary>
        /// Replaces the optimizer: the current one (and its state) is disposed, and the next step
        /// creates one from <paramref name="settings"/>.
        /// </summary>
        /// <param name="settings">The optimizer and its hyperparameters.</param>
        void UseOptimizer(Training.OptimizerSettings settings);

        /// <summary>One optimization step; returns the batch's loss before the step.</summary>
        /// <param name="input">A batch of inputs.</param>
        /// <param name="target">The batch's targets.</param>
        /// <returns>The mean loss.</returns>
        float TrainStep(torch.Tensor input, torch.Tensor target);

        /// <summary>
        /// One optimization step that shows <paramref name="observer"/> the output and the loss
        /// before the update; the same step as <see cref="TrainStep(torch.Tensor, torch.Tensor)"/>.
        /// </summary>
        /// <param name="input">A batch of inputs.</param>
        /// <param name="target">The batch's targets.</param>
        /// <param name="observer">Sees the step before the update; may be null.</param>
        /// <returns>The mean loss.</returns>
        float TrainStep(torch.Tensor input, torch.Tensor target, ITrainingStepObserver? observer);

        /// <summary>The declared loss of <paramref name="output"/> against <paramref name="target"/>.</summary>
        /// <param name="output">The model's output.</param>
        /// <param name="target">The targets.</param>
        /// <returns>A scalar tensor.</returns>
        torch.Tensor ComputeLoss(torch.Tensor output, torch.Tensor target);

        /// <summary>
        /// Whether <see cref="TrainStep(torch.Tensor, torch.Tensor)"/> and <see cref="ComputeGradients"/>
        /// use the generated <c>Backward</c> (the default when every layer has a rule, unless
        /// <c>[Model(Autograd = true)]</c>) or libtorch's autograd. Setting it to true on a model whose
        /// layers are not all covered throws <see cref="System.NotSupportedException"/> naming the layer.
        /// </summary>
        bool GeneratedBackward { get; set; }

        /// <summary>
        /// Fills every parameter's <c>.grad</c> for one batch, by the generated backward or by autograd
        /// (per <see cref="GeneratedBackward"/>), in the model's current mode (train or eval), without
        /// stepping the optimizer: the gradients can be inspected or compared.
        /// </summary>
        /// <param name="input">A batch of inputs.</param>
        /// <param name="target">The batch's targets.</param>
        /// <returns>The batch's loss (without the L1/L2 penalty, whose gradient is included).</returns>
        float ComputeGradients(torch.Tensor input, torch.Tensor target);
    }
}

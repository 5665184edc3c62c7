namespace ModelGen
{
    /// <summary>
    /// A generated model's costs for one sample, computed at compile time by the catalog's rules
    /// (see the README's "Counts" section): they are constants of the model class too.
    /// </summary>
    /// <param name="Parameters">Trainable scalars.</param>
    /// <param name="Buffers">Non-trainable float scalars (batch-norm running statistics).</param>
    /// <param name="MultAdds">Mult-adds by torchinfo's rules.</param>
    /// <param name="WeightMultAdds">Convolution and linear weight mult-adds (torchvision's GFLOPS).</param>
    /// <param name="ParameterBytes">Bytes of the parameters (float32).</param>
    /// <param name="BufferBytes">Bytes of the buffers (float32).</param>
    /// <param name="ForwardBackwardBytes">torchinfo's forward/backward pass size: twice the output bytes of every layer with parameters.</param>
    public sealed record ModelCosts(
        long Parameters,
        long Buffers,
        long MultAdds,
        long WeightMultAdds,
        long ParameterBytes,
        long BufferBytes,
        long ForwardBackwardBytes)
    {
        /// <summary>
        /// Estimates the memory of one training step: parameters, their gradients and
        /// <paramref name="optimizerStateCopies"/> optimizer tensors of the parameters' size (0 for
        /// plain SGD; 1 for momentum, Nesterov, Adagrad, RMSprop; 2 for Adam, AdamW, Adamax, NAdam,
        /// Adadelta), buffers, and the forward/backward activations of a batch.
        /// </summary>
        /// <param name="batchSize">Samples per batch.</param>
        /// <param name="optimizerStateCopies">Optimizer tensors per parameter tensor.</param>
        /// <returns>Bytes.</returns>
        public long TrainingBytes(int batchSize, int optimizerStateCopies) =>
            checked((ParameterBytes * (2 + optimizerStateCopies)) + BufferBytes + (ForwardBackwardBytes * batchSize));
    }
}

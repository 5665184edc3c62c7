namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        /// <summary>
        /// Disposal for a model without a training step (a trainable model writes its own, which
        /// also frees the optimizer): forward then throws ObjectDisposedException naming the model
        /// instead of libtorch's "Tensor invalid -- empty handle".
        /// </summary>
        private static void WriteDisposal(IndentedWriter writer)
        {
            writer.WriteLine("private bool _disposed;");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.IGeneratedModel.IsDisposed\"/>");
            writer.WriteLine("public bool IsDisposed => _disposed;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Frees the layers; a later forward throws <see cref=\"global::System.ObjectDisposedException\"/> naming the model.</summary>");
            writer.WriteLine("/// <param name=\"disposing\">Whether managed resources are freed too.</param>");
            using (writer.Block("protected override void Dispose(bool disposing)"))
            {
                writer.WriteLine("_disposed = true;");
                writer.WriteLine("base.Dispose(disposing);");
            }
        }
    }
}

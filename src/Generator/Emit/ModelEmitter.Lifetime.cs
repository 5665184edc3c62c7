namespace ModelGen.Generator.Emit
{
    internal static partial class ModelEmitter
    {
        /// <summary>
        /// Disposal, for every model: forward and the training members then throw
        /// ObjectDisposedException naming the model instead of libtorch's "Tensor invalid -- empty
        /// handle"; a trainable model also frees its optimizer.
        /// </summary>
        private static void WriteDisposal(Domain.ModelPlan plan, IndentedWriter writer)
        {
            writer.WriteLine("private bool _disposed;");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc cref=\"global::ModelGen.IGeneratedModel.IsDisposed\"/>");
            writer.WriteLine("public bool IsDisposed => _disposed;");
            writer.WriteLine();
            writer.WriteLine(plan.HasTraining
                ? "/// <summary>Frees the optimizer with the layers; a later forward or training step throws <see cref=\"global::System.ObjectDisposedException\"/> naming the model.</summary>"
                : "/// <summary>Frees the layers; a later forward throws <see cref=\"global::System.ObjectDisposedException\"/> naming the model.</summary>");
            writer.WriteLine("/// <param name=\"disposing\">Whether managed resources are freed too.</param>");
            using (writer.Block("protected override void Dispose(bool disposing)"))
            {
                writer.WriteLine("_disposed = true;");
                if (plan.HasTraining)
                {
                    using (writer.Block("if (disposing)"))
                    {
                        writer.WriteLine("_optimizer?.Dispose();");
                        writer.WriteLine("_optimizer = null;");
                        writer.WriteLine("_flat?.Dispose();");
                        writer.WriteLine("_flat = null;");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine("base.Dispose(disposing);");
            }
        }
    }
}

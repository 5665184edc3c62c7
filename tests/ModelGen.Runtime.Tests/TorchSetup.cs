using System.Runtime.CompilerServices;
using TorchSharp;

namespace ModelGen.Runtime.Tests;

internal static class TorchSetup
{
    /// <summary>
    /// The test models are tiny: one intra-op thread is as fast as two, and it keeps OpenMP's
    /// spinning workers from stalling the run when other processes share the two cores.
    /// </summary>
    [ModuleInitializer]
    internal static void UseOneThread() => torch.set_num_threads(1);
}

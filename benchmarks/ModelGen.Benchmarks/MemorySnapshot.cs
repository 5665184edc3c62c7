using System;
using System.Diagnostics;
using TorchSharp;

namespace ModelGen.Benchmarks
{
    /// <summary>The process's memory at one moment, after a full garbage collection.</summary>
    /// <param name="WorkingSet">Resident memory (bytes).</param>
    /// <param name="PrivateBytes">Private memory (bytes), native allocations included.</param>
    /// <param name="Managed">Bytes on the managed heap (<see cref="GC.GetTotalMemory(bool)"/>).</param>
    /// <param name="LiveTensors">Tensors created and not yet disposed on this thread (TorchSharp's own count): a leaked tensor per step shows here exactly.</param>
    internal readonly record struct MemorySnapshot(long WorkingSet, long PrivateBytes, long Managed, long LiveTensors)
    {
        public static MemorySnapshot Take()
        {
            long managed = GC.GetTotalMemory(forceFullCollection: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using Process process = Process.GetCurrentProcess();
            process.Refresh();
            return new MemorySnapshot(process.WorkingSet64, process.PrivateMemorySize64, managed, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        }

        public static MemorySnapshot operator -(MemorySnapshot after, MemorySnapshot before) =>
            new(after.WorkingSet - before.WorkingSet, after.PrivateBytes - before.PrivateBytes, after.Managed - before.Managed, after.LiveTensors - before.LiveTensors);
    }
}

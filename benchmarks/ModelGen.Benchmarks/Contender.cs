using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace ModelGen.Benchmarks
{
    /// <summary>One side of the comparison: a training step, the batches it has consumed, and its timed blocks.</summary>
    internal sealed class Contender
    {
        private readonly Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, float> _step;
        private readonly SyntheticDigits _data;
        private long _steps;

        public Contender(string name, Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, float> step, SyntheticDigits data)
        {
            Name = name;
            _step = step;
            _data = data;
        }

        public string Name { get; }

        /// <summary>Milliseconds per step of each timed block.</summary>
        public List<double> BlockMilliseconds { get; } = new();

        /// <summary>Managed bytes allocated per step in the last block run (garbage included).</summary>
        public double LastAllocatedBytesPerStep { get; private set; }

        /// <summary>The mean loss of the last block run.</summary>
        public double LastMeanLoss { get; private set; }

        /// <summary>Runs <paramref name="steps"/> steps on the next batches; returns the elapsed time.</summary>
        public TimeSpan Run(int steps)
        {
            double loss = 0;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < steps; i++)
            {
                (TorchSharp.torch.Tensor input, TorchSharp.torch.Tensor target) = _data[_steps++];
                loss += _step(input, target);
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            LastAllocatedBytesPerStep = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)steps;
            LastMeanLoss = loss / steps;
            return elapsed;
        }

        /// <summary>Runs one timed block and records its time per step.</summary>
        public void RunTimedBlock(int steps) => BlockMilliseconds.Add(Run(steps).TotalMilliseconds / steps);
    }
}

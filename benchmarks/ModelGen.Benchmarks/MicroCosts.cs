using System;
using System.Diagnostics;
using TorchSharp;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// What the generated step does that the hand-written loop does not, timed alone: the input
    /// shape check, the <c>train()</c> call on every step, and the lazily created optimizer's getter.
    /// </summary>
    internal static class MicroCosts
    {
        /// <summary>Microseconds per call of each extra, averaged over <paramref name="calls"/> calls.</summary>
        public static (double CheckInput, double Train, double OptimizerGetter) Measure(DigitsNet model, torch.Tensor input, int calls)
        {
            double checkInput = PerCall(calls, () => ModelGuard.CheckInput("DigitsNet", input, DigitsNet.InputShape));
            double train = PerCall(calls, () => model.train());
            double optimizer = PerCall(calls, () => GC.KeepAlive(model.Optimizer));
            return (checkInput, train, optimizer);
        }

        private static double PerCall(int calls, Action action)
        {
            for (int i = 0; i < calls / 10; i++)
            {
                action();
            }

            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            return Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000.0 / calls;
        }
    }
}

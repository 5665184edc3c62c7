using ModelGen.Samples.Digits;
using System;
using System.Diagnostics;
using TorchSharp;

namespace ModelGen.Benchmarks
{
    /// <summary>Time and managed allocation of one call.</summary>
    /// <param name="Microseconds">Mean time per call.</param>
    /// <param name="AllocatedBytes">Mean managed bytes allocated per call.</param>
    internal readonly record struct CallCost(double Microseconds, double AllocatedBytes)
    {
        public override string ToString() => $"{Microseconds:F3} µs, {AllocatedBytes:F0} B";
    }

    /// <summary>
    /// What the generated step does that the hand-written loop does not, timed alone: the input
    /// shape check, the <c>train()</c> call on every step, and the lazily created optimizer's getter.
    /// </summary>
    internal static class MicroCosts
    {
        /// <summary>The cost of each extra, averaged over <paramref name="calls"/> calls.</summary>
        public static (CallCost CheckInput, CallCost Train, CallCost OptimizerGetter) Measure(DigitsNet model, torch.Tensor input, int calls)
        {
            CallCost checkInput = PerCall(calls, () => ModelGuard.CheckInput("DigitsNet", input, DigitsNet.InputShape));
            CallCost train = PerCall(calls, () => model.train());
            CallCost optimizer = PerCall(calls, () => GC.KeepAlive(model.Optimizer));
            return (checkInput, train, optimizer);
        }

        /// <summary>The cost of one forward pass (inside a dispose scope, no gradients) of a module.</summary>
        public static CallCost Forward(torch.nn.Module<torch.Tensor, torch.Tensor> module, torch.Tensor input, int calls) =>
            PerCall(calls, () =>
            {
                using IDisposable scope = torch.NewDisposeScope();
                using IDisposable noGrad = torch.no_grad();
                module.forward(input);
            });

        /// <summary>
        /// The cost of enumerating a module's <c>parameters()</c>. TorchSharp's optimizers keep the
        /// lazy enumerable they were given and walk the module tree again in every
        /// <c>zero_grad()</c> and <c>step()</c>, so this is paid twice per training step, in
        /// proportion to the number of submodules.
        /// </summary>
        public static CallCost EnumerateParameters(torch.nn.Module module, int calls) =>
            PerCall(calls, () =>
            {
                foreach (TorchSharp.Modules.Parameter parameter in module.parameters())
                {
                    GC.KeepAlive(parameter);
                }
            });

        private static CallCost PerCall(int calls, Action action)
        {
            for (int i = 0; i < calls / 10; i++)
            {
                action();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            double microseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000.0 / calls;
            return new CallCost(microseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)calls);
        }
    }
}

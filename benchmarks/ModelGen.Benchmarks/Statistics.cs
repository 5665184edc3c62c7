using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Benchmarks
{
    /// <summary>Order statistics over a small sample of block timings.</summary>
    internal static class Statistics
    {
        public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

        /// <summary>The <paramref name="fraction"/> quantile with linear interpolation between neighbours.</summary>
        public static double Percentile(IEnumerable<double> values, double fraction)
        {
            double[] sorted = values.OrderBy(value => value).ToArray();
            if (sorted.Length == 0)
            {
                throw new ArgumentException("No values.", nameof(values));
            }

            double position = fraction * (sorted.Length - 1);
            int lower = (int)Math.Floor(position);
            int upper = (int)Math.Ceiling(position);
            return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
        }
    }
}

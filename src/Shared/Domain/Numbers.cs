namespace ModelGen.Domain
{
    /// <summary>Culture-invariant number formatting for messages and generated code.</summary>
    internal static class Numbers
    {
        public static string Format(double value) =>
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(long value) =>
            value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// The product of non-negative factors, or <see cref="long.MaxValue"/> when it overflows:
        /// counts built from hostile attribute arguments must neither wrap nor throw.
        /// </summary>
        public static long SaturatingProduct(params long[] factors)
        {
            long product = 1;
            foreach (long factor in factors)
            {
                if (factor <= 0)
                {
                    return 0;
                }

                if (product > long.MaxValue / factor)
                {
                    return long.MaxValue;
                }

                product *= factor;
            }

            return product;
        }

        /// <summary>The sum of non-negative terms, or <see cref="long.MaxValue"/> when it overflows.</summary>
        public static long SaturatingSum(params long[] terms)
        {
            long sum = 0;
            foreach (long term in terms)
            {
                if (term > long.MaxValue - sum)
                {
                    return long.MaxValue;
                }

                sum += term;
            }

            return sum;
        }

        /// <summary>Thousands separated with commas, as torchinfo and Keras print counts: 61,706.</summary>
        public static string Grouped(long value) =>
            value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

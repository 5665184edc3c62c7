using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>The drop-probability rule of every dropout kind, one wording for all.</summary>
    internal static class DropoutRules
    {
        /// <summary>A message when <paramref name="p"/> is outside [0, 1) or not a number.</summary>
        public static IEnumerable<string> Check(string display, double p)
        {
            if (!(p >= 0 && p < 1))
            {
                yield return $"{display}: the drop probability must be in [0, 1), got {Numbers.Format(p)}";
            }
        }
    }
}

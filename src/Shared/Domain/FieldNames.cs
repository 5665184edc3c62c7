using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Names layer fields <c>conv1</c>, <c>conv2</c>, <c>fc1</c>, …, numbered per prefix (the
    /// entry's <see cref="LayerEntry.FieldPrefix"/>) in source order. The names are the state_dict
    /// prefixes, so they must stay stable: changing a prefix breaks every saved checkpoint.
    /// </summary>
    internal sealed class FieldNames
    {
        private readonly Dictionary<string, int> _counts = new();

        public string Next(LayerEntry entry)
        {
            string prefix = entry.FieldPrefix;
            _counts.TryGetValue(prefix, out int count);
            _counts[prefix] = ++count;
            return prefix + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Names layer fields <c>conv1</c>, <c>conv2</c>, <c>fc1</c>, …, numbered per prefix (the
    /// entry's <see cref="LayerEntry.FieldPrefix"/>) in source order. The names are the state_dict
    /// prefixes, so they must stay stable: changing a prefix breaks every saved checkpoint. A
    /// declared name (<c>Name = "conv1"</c>) is used as written, and numbering skips the names
    /// declared anywhere in the same model or block.
    /// </summary>
    internal sealed class FieldNames
    {
        private readonly Dictionary<string, int> _counts = new();
        private readonly HashSet<string> _declared;

        public FieldNames()
            : this(System.Linq.Enumerable.Empty<LayerSpec>())
        {
        }

        /// <summary>Numbers fields around the names declared among <paramref name="layers"/>.</summary>
        public FieldNames(IEnumerable<LayerSpec> layers)
        {
            _declared = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (LayerSpec layer in layers)
            {
                if (layer.Name is not null)
                {
                    _declared.Add(layer.Name);
                }
            }
        }

        public string Next(LayerEntry entry)
        {
            string prefix = entry.FieldPrefix;
            string name;
            do
            {
                _counts.TryGetValue(prefix, out int count);
                _counts[prefix] = ++count;
                name = prefix + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (_declared.Contains(name));

            return name;
        }

        /// <summary>The declared name of <paramref name="layer"/>, or the next number of its kind.</summary>
        public string Next(LayerSpec layer) => layer.Name ?? Next(layer.Entry);

        /// <summary>The field names of a list of layers, in order.</summary>
        public static string[] Of(IReadOnlyList<LayerSpec> layers)
        {
            var names = new FieldNames(layers);
            var result = new string[layers.Count];
            for (int i = 0; i < layers.Count; i++)
            {
                result[i] = names.Next(layers[i]);
            }

            return result;
        }
    }
}

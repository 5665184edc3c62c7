using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// Checks declared layer names (<c>Name = "conv1"</c>): each becomes a field of the generated
    /// class and a state_dict prefix, so it must be a C# identifier, must not hide a generated
    /// member, and must be unique in its model or block.
    /// </summary>
    internal static class LayerNames
    {
        /// <summary>Members every generated model or block has (and TorchSharp's Module), which a field must not hide.</summary>
        private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
        {
            "ParameterCount", "BufferCount", "MultAdds", "WeightMultAdds", "ForwardBackwardBytes", "Costs", "InputShape",
            "OutputShape", "LayerTable", "Summary", "Diagram", "forward", "_device", "train", "eval", "training", "parameters",
            "named_parameters", "buffers", "named_buffers", "children", "named_children", "modules", "named_modules", "to",
            "cuda", "cpu", "state_dict", "load_state_dict", "load", "save", "zero_grad", "apply", "GetName", "Dispose",
            "register_module", "register_buffer", "register_parameter", "RegisterComponents", "call", "TrainStep", "Optimizer",
            "LossFunction", "OptimizerSettings", "UseOptimizer", "LossKind", "IsDisposed", "TrainSteps", "Block",
        };

        private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while",
        };

        /// <summary>Reports every bad or repeated name among <paramref name="layers"/> (and the shortcut's); true when there is none.</summary>
        /// <param name="layers">The layers of one model or block.</param>
        /// <param name="shortcutName">A residual block's projection field, or null.</param>
        /// <param name="report">Receives the layer index, the kind and the message.</param>
        /// <param name="owner">The model or block for messages: <c>model ResNet18</c>.</param>
        public static bool Check(IReadOnlyList<LayerSpec> layers, string? shortcutName, System.Action<int, ProblemKind, string> report, string owner)
        {
            bool valid = true;
            var seen = new Dictionary<string, LayerSpec>(System.StringComparer.Ordinal);
            string[] fields = FieldNames.Of(layers);
            for (int i = 0; i < layers.Count; i++)
            {
                LayerSpec layer = layers[i];
                if (layer.Name is string name)
                {
                    if (!IsIdentifier(name) || Keywords.Contains(name))
                    {
                        report(i, ProblemKind.InvalidArgument, $"{layer.Display}: the name {Quoted(name)} must be a C# identifier (letters, digits and _, not starting with a digit, not a keyword), since it becomes a field of {owner} and its state_dict prefix");
                        valid = false;
                        continue;
                    }

                    if (Reserved.Contains(name))
                    {
                        report(i, ProblemKind.InvalidArgument, $"{layer.Display}: the name {Quoted(name)} is a member every generated model and block has; choose another name for the field");
                        valid = false;
                        continue;
                    }
                }

                if (seen.TryGetValue(fields[i], out LayerSpec? other))
                {
                    report(i, ProblemKind.DuplicateName, $"{layer.Display}: the name {Quoted(fields[i])} is already taken by {other.Display} in {owner}; two layers cannot share a field and state_dict prefix, so rename one (to apply one layer twice with the same weights, write [Reuse({Quoted(fields[i])})])");
                    valid = false;
                    continue;
                }

                seen[fields[i]] = layer;
            }

            if (shortcutName is not null && seen.TryGetValue(shortcutName, out LayerSpec? taken))
            {
                report(-1, ProblemKind.DuplicateName, $"the shortcut's projection {Quoted(shortcutName)} has the name of {taken.Display} in {owner}; name the shortcut (Shortcut(Name = \"...\")) or the layer differently");
                valid = false;
            }

            return valid;
        }

        /// <summary>Whether <paramref name="name"/> is an ASCII C# identifier.</summary>
        public static bool IsIdentifier(string name)
        {
            if (name.Length == 0 || name.Length > 128 || !(char.IsLetter(name[0]) || name[0] == '_') || name[0] > 127)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (c > 127 || !(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Quoted(string text) => "\"" + (text.Length > 64 ? text.Substring(0, 64) + "…" : text).Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
    }
}

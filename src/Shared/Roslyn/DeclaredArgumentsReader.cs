using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.Domain;

namespace ModelGen.Roslyn
{
    /// <summary>Turns an attribute's typed constants into the plain values of <see cref="DeclaredArguments"/>.</summary>
    internal static class DeclaredArgumentsReader
    {
        public static DeclaredArguments From(AttributeData attribute, string display) =>
            new(
                display,
                attribute.ConstructorArguments.Select(Value).ToArray(),
                attribute.NamedArguments.Select(pair => new KeyValuePair<string, object?>(pair.Key, Value(pair.Value))).ToArray());

        private static object? Value(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Array
                ? (constant.IsNull ? null : constant.Values.Select(Value).ToArray())
                : constant.Value;
    }
}

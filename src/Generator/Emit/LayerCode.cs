using ModelGen.Domain;

namespace ModelGen.Generator.Emit
{
    /// <summary>The parts of a layer's generated code that are the same for every kind; the rest comes from its catalog entry.</summary>
    internal static class LayerCode
    {
        /// <summary>
        /// The documentation comment of a layer's field: attribute, shapes, parameters. An XML
        /// comment rather than a plain one, so IntelliSense shows it and projects that require
        /// documentation (CS1591) build.
        /// </summary>
        public static string Comment(LayerPlan layer, string? lengthName = null)
        {
            string formula = layer.Entry.ParameterFormula(layer);
            string parameters = layer.Parameters == 0
                ? "no parameters"
                : $"{Numbers.Grouped(layer.Parameters)} parameters{(formula.Length == 0 ? string.Empty : $" ({formula})")}";
            return $"/// <summary>[{CSharp.Xml(layer.Spec.Display)}]  {Shape.Format(layer.InputShape, lengthName)} → {Shape.Format(layer.OutputShape, lengthName)}, {parameters}</summary>";
        }
    }
}

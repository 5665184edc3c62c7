using System.Linq;
using System.Text;
using ModelGen.Domain;

namespace ModelGen.Generator.Tests.Catalog;

/// <summary>Renders docs/layers.md from the catalog entries: the table is never written by hand.</summary>
internal static class LayerDocs
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Layer catalog\n\n");
        text.Append("<!-- Generated from src/Shared/Domain/Catalog by tests/ModelGen.Generator.Tests/Catalog/LayerDocs.cs; do not edit.\n");
        text.Append("     Regenerate with MODELGEN_ACCEPT_SNAPSHOTS=1 dotnet test tests/ModelGen.Generator.Tests -c Release. -->\n\n");
        text.Append("Every layer attribute ModelGen knows, in the `ModelGen` namespace. Positional arguments follow PyTorch's\n");
        text.Append("constructor order without the input size, which is inferred; options use PyTorch's names in PascalCase.\n");
        text.Append("Shapes are per sample (batch excluded). Counts and mult-adds are explained in the README's \"Counts\" section.\n\n");
        text.Append("| attribute | TorchSharp | shape rule | parameters | traits | field |\n");
        text.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (LayerEntry entry in LayerCatalog.Entries)
        {
            string traits = entry.Traits == LayerTraits.None
                ? "—"
                : string.Join(", ", System.Enum.GetValues(typeof(LayerTraits)).Cast<LayerTraits>()
                    .Where(trait => trait != LayerTraits.None && entry.Has(trait))
                    .Select(trait => trait.ToString()));
            text.Append($"| `{entry.Signature}` | `{entry.Module}` | {entry.ShapeRule} | {entry.ParameterRule} | {traits} | `{entry.FieldPrefix}1` |\n");
        }

        text.Append($"\n{LayerCatalog.Entries.Count} kinds.\n");
        return text.ToString();
    }
}

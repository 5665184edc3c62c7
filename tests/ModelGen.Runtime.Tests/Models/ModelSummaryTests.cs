using System.Linq;
using System.Text.Json;
using Xunit;

namespace ModelGen.Runtime.Tests.Models;

/// <summary>The summary's Markdown and JSON exports carry the compile-time table and totals.</summary>
public sealed class ModelSummaryTests
{
    [Fact]
    public void JsonHasEveryLayerAndTheTotals()
    {
        using var model = new DigitsMlp();
        using JsonDocument json = JsonDocument.Parse(model.ToJson());
        JsonElement root = json.RootElement;

        Assert.Equal("DigitsMlp", root.GetProperty("model").GetString());
        Assert.Equal(new[] { 64L }, root.GetProperty("inputShape").EnumerateArray().Select(d => d.GetInt64()));
        JsonElement[] layers = root.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(new[] { "fc1", "relu1", "dropout1", "fc2" }, layers.Select(l => l.GetProperty("field").GetString()));

        // 64·32 + 32 = 2,080 and 32·10 + 10 = 330: 2,410 parameters, each used once per sample.
        Assert.Equal(2080, layers[0].GetProperty("parameters").GetInt64());
        Assert.Equal(2410, root.GetProperty("totals").GetProperty("parameters").GetInt64());
        Assert.Equal(2410, root.GetProperty("totals").GetProperty("multAdds").GetInt64());
        Assert.Equal(2410 * 4, root.GetProperty("totals").GetProperty("parameterBytes").GetInt64());
    }

    [Fact]
    public void MarkdownIsATableWithOneRowPerLayer()
    {
        using var model = new DigitsMlp();
        string[] lines = model.ToMarkdown().Split('\n');

        Assert.Equal("### DigitsMlp", lines[0]);
        Assert.Equal(DigitsMlp.LayerTable.Count, lines.Count(line => line.StartsWith("| `", System.StringComparison.Ordinal)));
        Assert.Contains("| `fc1` | Linear | `Linear(32)` | 64 | 32 | 2,080 | 0 | 2,080 |", lines);
        Assert.Contains("- Parameters: 2,410 (9,640 bytes)", lines);
    }
}

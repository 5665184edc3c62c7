// The model zoo: well-known published models declared in the DSL. For each it prints the
// generated summary and the compile-time counts beside the constructed TorchSharp module's and
// the published numbers; with --tsv, one tab-separated line per model:
// name, compile-time parameters, runtime parameters, mult-adds, weight mult-adds, forward/backward bytes;
// with --markdown, the summaries as Markdown tables with their Mermaid diagrams; with
// --diagrams FOLDER, also one Mermaid file per model (FOLDER/resnet18.mmd, …).
using System;
using System.Globalization;
using System.Linq;
using ModelGen;
using ModelGen.Samples.Zoo;
using TorchSharp;

bool tsv = args.Contains("--tsv");
bool markdown = args.Contains("--markdown");
int diagramsAt = Array.IndexOf(args, "--diagrams");
string? diagrams = diagramsAt >= 0 && diagramsAt + 1 < args.Length ? args[diagramsAt + 1] : null;
string[] unknown = args.Where((arg, i) => arg is not ("--tsv" or "--markdown" or "--diagrams") && !(diagramsAt >= 0 && i == diagramsAt + 1)).ToArray();
if (unknown.Length > 0 || (tsv && markdown) || (diagramsAt >= 0 && diagrams is null))
{
    string problem = unknown.Length > 0 ? $"unknown option {unknown[0]}" : tsv && markdown ? "--tsv and --markdown exclude each other" : "--diagrams needs a folder";
    Console.Error.WriteLine($"{problem}; usage: ModelZoo [--tsv | --markdown] [--diagrams FOLDER]");
    return 2;
}

if (diagrams is not null)
{
    System.IO.Directory.CreateDirectory(diagrams);
}

torch.set_num_threads(1);
int mismatches = 0;
foreach (ZooModel entry in Zoo.Models)
{
    long runtime;
    string summary;
    using (var module = (torch.nn.Module)entry.Create())
    {
        var model = (IGeneratedModel)module;
        runtime = ModelCensus.Parameters(model);
        summary = markdown ? model.ToMarkdown() : model.Summary;
        if (diagrams is not null)
        {
            // One Mermaid flowchart per model (blocks as subgraphs, shapes on the edges).
            System.IO.File.WriteAllText(System.IO.Path.Combine(diagrams, entry.Name + ".mmd"), model.Diagram);
        }
    }

    ModelCosts costs = entry.CompileTime;
    if (tsv)
    {
        Console.WriteLine(string.Join('\t', entry.Name, N(costs.Parameters), N(runtime), N(costs.MultAdds), N(costs.WeightMultAdds), N(costs.ForwardBackwardBytes)));
    }
    else
    {
        Console.WriteLine($"## {entry.Name}: {entry.Description}");
        Console.WriteLine(summary);
        Console.WriteLine($"{"",-24}{"compile time",16}{"constructed",16}{"published",16}");
        Row("parameters", costs.Parameters, runtime, entry.Published.Parameters);
        Row("mult-adds", costs.MultAdds, null, entry.Published.MultAdds);
        Console.WriteLine($"{"weight mult-adds (G)",-24}{G(costs.WeightMultAdds),16}{"",16}{(entry.Published.WeightGigaMultAdds is double g ? g.ToString("0.###", CultureInfo.InvariantCulture) : "—"),16}");
        Row("fwd/bwd bytes", costs.ForwardBackwardBytes, null, entry.Published.ForwardBackwardBytes);
        Console.WriteLine($"published: {entry.Published.Source}");
        Console.WriteLine();
    }

    if (runtime != costs.Parameters || !Agrees(costs, entry.Published))
    {
        mismatches++;
        Console.Error.WriteLine($"{entry.Name}: the compile-time numbers disagree with the constructed module or the published ones");
    }
}

return mismatches == 0 ? 0 : 1;

static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

static string G(long value) => (value / 1e9).ToString("0.###", CultureInfo.InvariantCulture);

static void Row(string name, long compileTime, long? constructed, long? published) =>
    Console.WriteLine($"{name,-24}{compileTime.ToString("#,0", CultureInfo.InvariantCulture),16}{(constructed is long c ? c.ToString("#,0", CultureInfo.InvariantCulture) : ""),16}{(published is long p ? p.ToString("#,0", CultureInfo.InvariantCulture) + (p == compileTime ? " ✓" : " ✗") : "—"),16}");

static bool Agrees(ModelCosts costs, Published published) =>
    (published.Parameters is null || published.Parameters == costs.Parameters)
    && (published.MultAdds is null || published.MultAdds == costs.MultAdds)
    && (published.ForwardBackwardBytes is null || published.ForwardBackwardBytes == costs.ForwardBackwardBytes)
    && (published.WeightGigaMultAdds is null || Math.Abs(published.WeightGigaMultAdds.Value - Math.Round(costs.WeightMultAdds / 1e9, 3)) < 1e-9);

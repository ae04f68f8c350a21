using System.Text.Json;

namespace CommsLedger.Ingest.Tests.Drafting;

/// <summary>The test readouts under Readouts/: each NAME.txt with the draft a desk officer expects in NAME.expected.json.</summary>
internal static class Readouts
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Readouts");

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name + ".txt"));

    public static JsonElement Expected(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".expected.json")));
        return document.RootElement.Clone();
    }

    /// <summary>The draft as its JSON, so the tests read the same shape the ledger will.</summary>
    public static JsonElement Draft(string name)
    {
        using var document = JsonDocument.Parse(DraftJson.Serialize(ReadoutExtractor.Extract(Text(name))));
        return document.RootElement.Clone();
    }
}

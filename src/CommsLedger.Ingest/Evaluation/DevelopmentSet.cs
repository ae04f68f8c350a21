namespace CommsLedger.Ingest.Evaluation;

/// <summary>
/// Drafts every readout of a folder (NAME.txt, with gold/NAME.json beside it, as in samples/readouts) and scores each
/// draft against its gold entry; totals per language, then over all. Readouts without a gold file are skipped.
/// </summary>
public sealed record Evaluation(IReadOnlyList<ReadoutScore> Readouts, IReadOnlyList<ScoreTotals> Totals, IReadOnlyList<string> Skipped);

public static class DevelopmentSet
{
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static Evaluation Evaluate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"'{directory}' does not exist");
        }

        var scores = new List<ReadoutScore>();
        var skipped = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var goldFile = Path.Combine(directory, "gold", name + ".json");
            if (!File.Exists(goldFile))
            {
                skipped.Add(name);
                continue;
            }

            var draft = ReadoutExtractor.ExtractUtf8(File.ReadAllBytes(file));
            scores.Add(ReadoutScore.Of(name, draft, GoldEntry.Parse(File.ReadAllText(goldFile))));
        }

        var totals = scores.GroupBy(s => s.Language).OrderBy(g => LanguageOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ScoreTotals.Of(g.Key, g.ToList()))
            .Append(ScoreTotals.Of("all", scores))
            .ToList();
        return new Evaluation(scores, totals, skipped);
    }

    private static int LanguageOrder(string language) => language switch { "en" => 0, "es" => 1, "fr" => 2, _ => 3 };
}

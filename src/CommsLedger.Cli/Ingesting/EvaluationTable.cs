using System.Globalization;
using CommsLedger.Cli.Rendering;
using CommsLedger.Ingest.Evaluation;
using Spectre.Console;

namespace CommsLedger.Cli.Ingesting;

/// <summary>The scorer's output: one line per readout, then totals per language and over all.</summary>
internal static class EvaluationTable
{
    public static void Write(IAnsiConsole console, Evaluation evaluation)
    {
        console.Write(new Rule("Readouts against their gold entries").LeftJustified());
        console.Write(Cells.Table(evaluation.Readouts.Select(FileRow).ToArray()));
        console.Write(new Rule("Totals (micro-averaged; a commitment matches when its by parties agree and it has ≥ 50 % of the gold clause's words)").LeftJustified());
        console.Write(Cells.Table(evaluation.Totals.Select(TotalRow).ToArray()));
        foreach (var name in evaluation.Skipped)
        {
            console.MarkupLineInterpolated($"[yellow]skipped:[/] {name} (no gold/{name}.json)");
        }
    }

    public static IEnumerable<object> CsvRows(Evaluation evaluation) => evaluation.Readouts.Select(FileRow);

    /// <summary>What the drafter got wrong in each readout, for whoever tunes its rules.</summary>
    public static void WriteDetails(IAnsiConsole console, Evaluation evaluation)
    {
        foreach (var score in evaluation.Readouts.Where(s => s.Unmatched.Count + s.Missed.Count > 0))
        {
            console.MarkupLineInterpolated($"[bold]{score.Name}[/]");
            foreach (var c in score.Missed)
            {
                console.MarkupLineInterpolated($"  [red]missed[/]   {string.Join("+", c.By.Order(StringComparer.Ordinal))}: {c.Text}");
            }

            foreach (var c in score.Unmatched)
            {
                console.MarkupLineInterpolated($"  [yellow]extra[/]    {c.By}: {c.Text}");
            }
        }
    }

    private static FileLine FileRow(ReadoutScore s) => new(
        s.Name, s.Language + (s.DraftedLanguage == s.Language ? "" : $" (drafted {s.DraftedLanguage})"),
        $"{s.Commitments.Matched}/{s.Commitments.Predicted}/{s.Commitments.Gold}", Number(s.Commitments.F1),
        $"{s.Countries.Matched}/{s.Countries.Predicted}/{s.Countries.Gold}", Number(s.Countries.F1),
        Mark(s.RelationshipExact), Mark(s.ChannelRight), Mark(s.DateRight));

    private static TotalLine TotalRow(ScoreTotals t) => new(
        t.Language, t.Readouts,
        Number(t.Commitments.Precision), Number(t.Commitments.Recall), Number(t.Commitments.F1),
        Number(t.Countries.F1), Number(t.Relationship.Rate), Number(t.Channel.Rate), Number(t.Date.Rate),
        Number(t.Kind.Rate), Number(t.To.Rate), Number(t.Due.Rate));

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Mark(bool right) => right ? "yes" : "NO";

    private sealed record FileLine(string Readout, string Lang, string Commitments_MatchedDraftedGold, string Commitments_F1, string Countries_MatchedDraftedGold, string Countries_F1, string Relationship, string Channel, string Date);

    private sealed record TotalLine(string Lang, int Readouts, string Commitments_P, string Commitments_R, string Commitments_F1, string Countries_F1, string Relationship, string Channel, string Date, string Kind_Agrees, string To_Agrees, string Due_Agrees);
}

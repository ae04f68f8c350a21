using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Layouts;

internal static class ScorecardLayout
{
    private const string Scale = "G7 Research Group scale: each assessed pledge counts with its latest score (+1 full, 0 partial, −1 none); compliance = (average + 1) / 2 × 100. Retracted pledges do not count.";

    public static ReportDocument Of(ScorecardReport card) => new(card.Header.Title, card.Banner, HeaderLines.Of(card.Header),
    [
        Section("Overall", "scope", [card.Overall], Scale),
        Section("Per party (the pledge's maker)", "party", card.Parties),
        Section("Per relationship", "relationship", card.Relationships),
        Section("Per topic", "topic", card.Topics),
    ]);

    private static ReportSection Section(string title, string scope, IReadOnlyList<ScoreLine> lines, string? note = null) =>
        new(title, [scope, .. Cell.ScoreColumns], [.. lines.Select(l => new ReportRow(l.Marking, [l.Name, .. Cell.ScoreCells(l.Score)]))], "No pledges.", note);
}

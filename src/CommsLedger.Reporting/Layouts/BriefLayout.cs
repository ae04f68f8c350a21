using CommsLedger.Application.Reports.Brief;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Layouts;

internal static class BriefLayout
{
    public static ReportDocument Of(BriefReport brief) => new(brief.Header.Title, brief.Banner, HeaderLines.Of(brief.Header),
    [
        new("Last contacts", ["date", "kind", "summary"],
            [.. brief.LastContacts.Select(c => new ReportRow(c.Marking, [Cell.Date(c.OccurredOn), c.Kind, c.Summary]))],
            "No contacts recorded."),
        new("Compliance by side", ["party", .. Cell.ScoreColumns],
            [.. brief.Sides.Select(s => new ReportRow(Highest(s), [s.Party, .. Cell.ScoreCells(s.Compliance)]))],
            Note: "G7 Research Group scale: each assessed pledge counts with its latest score (+1 full, 0 partial, −1 none); compliance = (average + 1) / 2 × 100."),
        .. brief.Sides.Select(s => new ReportSection($"Pledges by {s.Party}", ["kind", "to", "pledge", "topic", "due", "status", "latest score"],
            [.. s.Pledges.Select(p => new ReportRow(p.Marking, [p.Kind, p.To ?? "(general)", p.Text, p.Topic, Cell.Date(p.Due), p.Status, Cell.Score(p.LatestScore)]))],
            $"No pledges by {s.Party}.")),
        new("Open follow-ups", ["due", "state", "action", "owner"],
            [.. brief.FollowUps.Select(f => new ReportRow(f.Marking, [Cell.Date(f.Due), f.Overdue ? "OVERDUE" : "due", f.Action, f.Owner]))],
            "No open follow-ups."),
        new("Corrections and retractions since " + brief.Header.Parameters.Single(p => p.Name == "changes since").Value, ["recorded", "by", "what", "replaced"],
            [.. brief.Changes.Select(c => new ReportRow(c.Marking, [Cell.Instant(c.RecordedAt), c.RecordedBy ?? "—", c.What, c.Replaces ?? "—"]))],
            "No corrections or retractions."),
    ]);

    private static Classification Highest(BriefSide side) =>
        side.Pledges.Select(p => p.Marking).DefaultIfEmpty(Classification.Unclassified).Max();
}

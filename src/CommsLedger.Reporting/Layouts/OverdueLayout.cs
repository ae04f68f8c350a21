using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Layouts;

internal static class OverdueLayout
{
    public static ReportDocument Of(OverdueReport report) => new(report.Header.Title, report.Banner, HeaderLines.Of(report.Header),
    [
        new("Overdue follow-ups per owner and relationship", ["owner", "relationship", "overdue", "oldest due", "most days overdue"],
            [.. report.Groups.Select(g => new ReportRow(g.Marking, [g.Owner, g.Relationship, Cell.Number(g.Items.Count), Cell.Date(g.Items[0].Due), Cell.Number(g.Items[0].DaysOverdue)]))],
            "No follow-up is overdue.",
            $"{Cell.Number(report.FollowUps)} overdue follow-up(s); one on an interaction between three or more parties is listed under each of its relationships."),
        .. report.Groups.Select(g => new ReportSection($"{g.Owner} — {g.Relationship}", ["due", "days overdue", "action", "on"],
            [.. g.Items.Select(i => new ReportRow(i.Marking, [Cell.Date(i.Due), Cell.Number(i.DaysOverdue), i.Action, i.PledgeId is { } pledge ? $"pledge {pledge}" : $"interaction {i.SubjectId}"]))])),
    ]);
}

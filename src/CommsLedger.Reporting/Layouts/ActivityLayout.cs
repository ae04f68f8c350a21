using CommsLedger.Application.Reports.Activity;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Layouts;

internal static class ActivityLayout
{
    /// <summary>Past this many months the chart draws years (the table keeps months).</summary>
    private const int MonthsCharted = 48;

    public static ReportDocument Of(ActivityReport report)
    {
        var per = BuildActivityHandler.Name(report.By);
        return new(report.Header.Title, report.Banner, HeaderLines.Of(report.Header),
        [
            new("Every month in scope", ["month", "interactions", "commitments"],
                [.. report.Months.Select(m => new ReportRow(m.Marking, [m.Month, Cell.Number(m.Interactions), Cell.Number(m.Commitments)]))],
                "No activity.",
                $"Counted by the month they occurred. A commitment is a pledge made (retracted ones do not count); each is counted once here, however many {per}s it concerns.",
                Chart(report.Months)),
            new($"Per {per} and month", [per, "month", "interactions", "commitments"],
                [.. report.Lines.Select(l => new ReportRow(l.Marking, [l.Group, l.Month, Cell.Number(l.Interactions), Cell.Number(l.Commitments)]))],
                "No activity.",
                report.By == ActivityGrouping.Party ? "A party's interactions are those it took part in; its commitments, those it made." : null),
        ]);
    }

    private static ChartData? Chart(IReadOnlyList<ActivityMonth> months)
    {
        if (months.Count == 0)
        {
            return null;
        }

        if (months.Count <= MonthsCharted)
        {
            return new ChartData("Interactions and commitments per month", [.. months.Select(m => m.Month)],
                [new("interactions", [.. months.Select(m => (double)m.Interactions)]), new("commitments", [.. months.Select(m => (double)m.Commitments)])]);
        }

        var years = months.GroupBy(m => m.Month[..4]).ToArray();
        return new ChartData("Interactions and commitments per year", [.. years.Select(y => y.Key)],
            [new("interactions", [.. years.Select(y => (double)y.Sum(m => m.Interactions))]), new("commitments", [.. years.Select(y => (double)y.Sum(m => m.Commitments))])]);
    }

}

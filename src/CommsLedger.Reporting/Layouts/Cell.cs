using System.Globalization;
using CommsLedger.Application.Reports.Scorecard;

namespace CommsLedger.Reporting.Layouts;

internal static class Cell
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Score(int? score) => score switch
    {
        null => "not assessed",
        > 0 => "+" + score.Value.ToString(CultureInfo.InvariantCulture),
        _ => score.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Average(ComplianceScore s) => s.Average is { } a ? a.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";

    public static string Percent(ComplianceScore s) => s.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static IReadOnlyList<string> ScoreColumns { get; } = ["pledges", "assessed", "unassessed", "average (−1…+1)", "compliance"];

    public static IEnumerable<string> ScoreCells(ComplianceScore s) =>
        [Number(s.Pledges), Number(s.Assessed), Number(s.Unassessed), Average(s), Percent(s)];
}

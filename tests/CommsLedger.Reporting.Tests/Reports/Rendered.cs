using System.Text;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using Mediator;

namespace CommsLedger.Reporting.Tests.Reports;

/// <summary>Builds a report through the mediator as a reader of some clearance and renders it in every text format.</summary>
internal static class Rendered
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly ReportFormat[] TextFormats = [ReportFormat.Md, ReportFormat.Html, ReportFormat.Csv, ReportFormat.Json];

    public static async Task<(IReport Report, Dictionary<ReportFormat, string> Text)> All(TestLedger ledger, IQuery<IReport> query, Classification clearance, string requested = "now")
    {
        var report = await ledger.Ask(query, clearance);
        var text = new Dictionary<ReportFormat, string>();
        foreach (var format in TextFormats)
        {
            text[format] = Encoding.UTF8.GetString(await CommsLedger.Reporting.Reports.Render(report, format, new Generation(GeneratedAt, "reporter.c", requested)));
        }

        return (report, text);
    }

    /// <summary>The lines of two renderings that differ.</summary>
    public static IReadOnlyList<(string, string)> DifferentLines(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        Assert.Equal(left.Length, right.Length);
        return [.. left.Zip(right).Where(pair => pair.First != pair.Second)];
    }
}

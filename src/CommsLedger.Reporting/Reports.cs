using System.Text;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Reporting.Documents;
using CommsLedger.Reporting.Layouts;
using CommsLedger.Reporting.Rendering;

namespace CommsLedger.Reporting;

/// <summary>Renders a built report in a format. Text formats are UTF-8 without a byte-order mark, lines ending in
/// a line feed, so two renderings of the same report at the same position differ only in the generated line.</summary>
public static class Reports
{
    public static ReportDocument Layout(IReport report) => report switch
    {
        BriefReport brief => BriefLayout.Of(brief),
        ScorecardReport card => ScorecardLayout.Of(card),
        OverdueReport overdue => OverdueLayout.Of(overdue),
        ActivityReport activity => ActivityLayout.Of(activity),
        _ => throw new ArgumentException($"No layout for {report.GetType().Name}", nameof(report)),
    };

    public static async Task<byte[]> Render(IReport report, ReportFormat format, Generation generation, CancellationToken cancellationToken = default) => format switch
    {
        ReportFormat.Md => Utf8(MarkdownReport.Render(Layout(report), generation)),
        ReportFormat.Html => Utf8(HtmlReport.Render(Layout(report), generation)),
        ReportFormat.Csv => Utf8(CsvReport.Render(Layout(report), generation)),
        ReportFormat.Json => Utf8(JsonReport.Render(report, generation)),
        ReportFormat.Pdf => await PdfPrinter.Print(HtmlReport.Render(Layout(report), generation), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Md => "text/markdown; charset=utf-8",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Json => "application/json; charset=utf-8",
        _ => "application/pdf",
    };

    public static string Extension(ReportFormat format) => format.ToString().ToLowerInvariant();

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}

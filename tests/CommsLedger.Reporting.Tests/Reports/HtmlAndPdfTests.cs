using System.Text;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Tests.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Reporting.Documents;
using CommsLedger.Reporting.Rendering;
using UglyToad.PdfPig;

namespace CommsLedger.Reporting.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class HtmlAndPdfTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly On = new(2021, 4, 1);
    private static readonly Generation Generated = new(Rendered.GeneratedAt, "reporter.c", "now");
    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        await ReportScenario.Record(_ledger);
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_activity_html_parses_holds_its_svg_chart_and_fetches_nothing()
    {
        var report = await _ledger.Ask(new BuildActivity(From: new DateOnly(2020, 9, 1), To: new DateOnly(2021, 2, 1)));
        var html = Encoding.UTF8.GetString(await CommsLedger.Reporting.Reports.Render(report, ReportFormat.Html, Generated));

        var parser = new HtmlParser();
        var errors = new List<string>();
        parser.Error += (_, e) =>
        {
            var error = (HtmlErrorEvent)e;
            // AngleSharp 1.10 flags the end tag of an SVG element with a capital letter (</clipPath>) although it
            // builds the right tree (a browser's parser matches it case-insensitively); every other error counts.
            if (!html.AsSpan(error.Position.Position - 1).StartsWith("</clipPath>", StringComparison.Ordinal))
            {
                errors.Add($"{error.Message} at {error.Position}");
            }
        };
        var document = parser.ParseDocument(html);

        Assert.Empty(errors);
        var chart = Assert.Single(document.QuerySelectorAll("figure svg"));
        // Bars are drawn for November 2020 only: one interaction and seven pledges made, so the second bar is 7 times
        // the first; every month of the scope is on the axis.
        var bars = chart.QuerySelectorAll("g[clip-path]")[0].QuerySelectorAll("rect").Select(r => double.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, bars.Length);
        Assert.Equal(7.0, bars[1] / bars[0], 2);
        Assert.All(new[] { "2020-09", "2020-11", "2021-02" }, month => Assert.Contains(month, chart.TextContent, StringComparison.Ordinal));
        Assert.Equal("(U) Interactions and commitments per month", document.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(["UNCLASSIFIED", "UNCLASSIFIED"], document.QuerySelectorAll(".banner").Select(b => b.TextContent));
        Assert.All(document.QuerySelectorAll("tbody tr"), row => Assert.Equal("(U)", row.QuerySelector("td.mark")!.TextContent));
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(["2020-09", "2020-10", "2020-11", "2020-12", "2021-01", "2021-02"],
            document.QuerySelectorAll("section")[0].QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent));
    }

    [Fact]
    public async Task the_brief_prints_to_a_pdf_of_four_a4_pages_whose_text_names_the_relationship()
    {
        Assert.True(PdfPrinter.FindChromium() is not null, "Chromium is needed for pdf (apt-get install chromium; .ci/run does)");
        var brief = await _ledger.Ask(new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1)));

        var pdf = await CommsLedger.Reporting.Reports.Render(brief, ReportFormat.Pdf, Generated);

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        // A4 (595 × 842 pt): the header, last contacts and compliance by side; China's pledges (its tables rows are
        // never split); Peru's pledges and the first follow-ups; the last follow-ups and the correction.
        Assert.Equal(4, document.NumberOfPages);
        Assert.All(document.GetPages(), page => Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
        Assert.Contains("CN-PE", text, StringComparison.Ordinal);
        Assert.Contains("UNCLASSIFIED", text, StringComparison.Ordinal);
        Assert.Contains("Sinopharm", text, StringComparison.Ordinal);
    }
}

using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Reports;

[Collection(WebCollection.Name)]
public sealed class ReportsPageTests(WebSite site)
{
    [Fact]
    public async Task a_reporter_views_a_brief_and_an_activity_chart_and_downloads_a_scorecard()
    {
        var page = await site.Open(WebSite.Reporter);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await page.GetByLabel("Kind of report").SelectOptionAsync("brief");
        await page.GetByLabel("Relationship").FillAsync("pe-cn");
        await page.GetByLabel("Overdue as of (optional)").FillAsync("2021-06-01");
        await page.Screenshot("reports-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "View" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Relationship brief: CN-PE");
        await Assertions.Expect(page.Locator(".banner.top")).ToHaveTextAsync("UNCLASSIFIED");
        await Assertions.Expect(page.Locator("dl.header")).ToContainTextAsync("CONFIDENTIAL");
        await Assertions.Expect(page.Locator("table").Filter(new() { HasText = "Monitor progress of the Sinopharm" })).ToContainTextAsync("OVERDUE");
        await page.Screenshot("report-brief-cn-pe");

        await page.GotoAsync("/reports?kind=activity&per=party&format=html&action=view");
        await Assertions.Expect(page.Locator("figure svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figcaption")).ToHaveTextAsync("(U) Interactions and commitments per month");

        await page.GotoAsync("/reports");
        await page.GetByLabel("Kind of report").SelectOptionAsync("scorecard");
        await page.GetByLabel("Format").SelectOptionAsync("csv");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Matches(@"^scorecard-seq\d+\.csv$", download.SuggestedFilename);
        Assert.Contains("\nreport,0,UNCLASSIFIED,banner,UNCLASSIFIED\n", csv, StringComparison.Ordinal);
        Assert.Matches(@"\nPer relationship,\d+,UNCLASSIFIED,relationship,CN-PE\n", csv);
    }

    [Fact]
    public async Task a_brief_without_a_relationship_is_sent_back_with_the_field_named_and_a_recorder_is_refused()
    {
        var page = await site.Open(WebSite.ConfidentialReviewer);

        var response = await page.GotoAsync("/reports?kind=brief&format=html&on=someday&action=view");

        Assert.Equal(400, response!.Status);
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("on: 'someday' is not");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Overdue as of (optional)")).ToBeFocusedAsync();
        await page.GotoAsync("/reports?kind=brief&format=html&action=view");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("relationship: is required for a brief");

        var recorder = await site.Open(WebSite.Recorder);
        await Assertions.Expect(recorder.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveCountAsync(0);
        var refused = await recorder.GotoAsync("/reports");
        Assert.Equal(403, refused!.Status);
        Assert.DoesNotContain("Kind of report", await recorder.ContentAsync(), StringComparison.Ordinal);
    }
}

using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Pages.Overview;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Relationships;

[Collection(WebCollection.Name)]
public sealed class RelationshipPageTests(WebSite site)
{
    [Fact]
    public async Task a_reader_sees_the_seed_call_on_the_overview_and_the_cn_pe_page_with_portion_markings()
    {
        var page = await site.Open(WebSite.Reporter);
        // Other tests add to CN-PE: the row must say what the ledger says for this reader now.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = (await site.Host.Query(new ListRelationships(today, new PageRequest(), "CN"), Classification.Confidential)).Items.Single(r => r.Key == "CN-PE");

        var row = page.GetByTestId("relationships").GetByRole(AriaRole.Row).Filter(new() { HasText = "CN-PE" });
        await Assertions.Expect(row).ToContainTextAsync(expected.LastContact!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row).ToContainTextAsync(string.Join(" · ", expected.Sides.Select(s => $"{s.Party} {IndexModel.OpenPledges(s)}")));
        await Assertions.Expect(row.Locator(".portion")).ToHaveTextAsync("(U)");
        await Assertions.Expect(page.Locator(".banner").First).ToHaveTextAsync("UNCLASSIFIED");
        await page.Screenshot("overview");

        await row.GetByRole(AriaRole.Link, new() { Name = "CN-PE" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CN-PE");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Phone call between Chinese State Councilor");
        var chinas = page.GetByTestId("pledges-CN");
        await Assertions.Expect(chinas.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sinopharm" }).First).ToContainTextAsync("(U)");
        await Assertions.Expect(page.GetByTestId("follow-ups")).ToContainTextAsync("Monitor progress of the Sinopharm phase-3 trials in Peru");
        await Assertions.Expect(page.GetByTestId("follow-ups")).ToContainTextAsync("overdue");
        await Assertions.Expect(page.GetByTestId("statements")).ToContainTextAsync("(PE)");
        await Assertions.Expect(page.GetByTestId("chart").GetByRole(AriaRole.Row).Filter(new() { HasText = "2020" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("compliance").GetByRole(AriaRole.Row).Filter(new() { HasText = "CN" })).ToBeVisibleAsync();
        await page.Screenshot("relationship-cn-pe");
        await page.Screenshot("web-relationship", fullPage: false);
    }

    [Fact]
    public async Task an_administrator_reads_nothing_of_the_ledger()
    {
        var page = await site.Open(WebSite.Admin);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administration");
        var response = await page.GotoAsync("/relationship/CN-PE");

        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain("Sinopharm", await page.ContentAsync(), StringComparison.Ordinal);
    }
}

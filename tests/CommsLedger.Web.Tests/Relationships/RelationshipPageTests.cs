using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Relationships;

[Collection(WebCollection.Name)]
public sealed class RelationshipPageTests(PostgresCluster postgres, Support.Browser browser)
{
    [Fact]
    public async Task a_reader_sees_the_seed_call_on_the_overview_and_the_cn_pe_page_with_portion_markings()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("rory", Classification.Confidential, LedgerRole.Reporter);
        var page = await browser.NewPage(host);
        await page.SignIn("rory");

        var row = page.GetByTestId("relationships").GetByRole(AriaRole.Row).Filter(new() { HasText = "CN-PE" });
        await Assertions.Expect(row).ToContainTextAsync("2020-11-05");
        await Assertions.Expect(row).ToContainTextAsync("CN 4 · PE 3");
        await Assertions.Expect(row.Locator(".portion")).ToHaveTextAsync("(U)");
        await Assertions.Expect(page.Locator(".banner").First).ToHaveTextAsync("UNCLASSIFIED");
        await page.Screenshot("overview");

        await row.GetByRole(AriaRole.Link, new() { Name = "CN-PE" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CN-PE");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Phone call between Chinese State Councilor");
        var chinas = page.GetByTestId("pledges-CN");
        await Assertions.Expect(chinas.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sinopharm" })).ToContainTextAsync("(U)");
        await Assertions.Expect(page.GetByTestId("follow-ups")).ToContainTextAsync("Monitor progress of the Sinopharm phase-3 trials in Peru");
        await Assertions.Expect(page.GetByTestId("follow-ups")).ToContainTextAsync("overdue");
        await Assertions.Expect(page.GetByTestId("statements")).ToContainTextAsync("Mario Lopez (PE)");
        await page.Screenshot("relationship-cn-pe");
    }

    [Fact]
    public async Task an_administrator_reads_nothing_of_the_ledger()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("ada", Classification.TopSecret, LedgerRole.Admin);
        var page = await browser.NewPage(host);
        await page.SignIn("ada");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administration");
        var response = await page.GotoAsync("/relationship/CN-PE");

        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain("Sinopharm", await page.ContentAsync(), StringComparison.Ordinal);
    }
}

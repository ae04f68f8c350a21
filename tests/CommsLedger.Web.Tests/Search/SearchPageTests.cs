using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Search;

[Collection(WebCollection.Name)]
public sealed class SearchPageTests(WebSite site)
{
    [Fact]
    public async Task the_search_box_on_every_page_finds_sinopharm_with_highlights_and_facets_that_narrow_it()
    {
        var page = await site.Open(WebSite.Reporter);
        await page.GotoAsync("/relationship/CN-PE");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search statements, commitments and interactions" }).FillAsync("Sinopharm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).First.ClickAsync();

        var hits = page.GetByTestId("hits");
        await Assertions.Expect(hits.Locator("mark").First).ToHaveTextAsync("Sinopharm");
        await Assertions.Expect(page.GetByTestId("facets").GetByRole(AriaRole.Link, new() { Name = "CN-PE" })).ToBeVisibleAsync();
        await page.Screenshot("search");
        await page.GetByTestId("facets").GetByRole(AriaRole.Link, new() { Name = "PE", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".active-filters")).ToContainTextAsync("party PE");
        foreach (var meta in await hits.Locator(".hit").AllInnerTextsAsync())
        {
            Assert.Contains("CN-PE", meta, StringComparison.Ordinal);
        }

        await hits.Locator(".hit a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Matches("/(interaction|pledge)/", page.Url);
    }
}

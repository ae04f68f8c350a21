using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
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

    [Fact]
    public async Task a_word_found_more_often_than_a_search_reads_says_more_than_and_suggests_narrowing()
    {
        const string word = "marmalade";
        var statements = Enumerable.Range(1, SearchLedger.MatchesRead).Select(i => new StatementDraft("Minister A", "FR", $"Item {i} of the {word} quota.", ["trade"]));
        await site.Host.Send(new LogInteraction(new InteractionDraft(
            InteractionKind.Meeting,
            new OccurredAt(new DateOnly(2021, 5, 6)),
            [new Participant("Minister A", "Trade Minister", "FR"), new Participant("Minister B", "Trade Minister", "GB")],
            $"Meeting on the {word} quotas",
            null,
            Classification.Unclassified,
            ["040"],
            [.. statements],
            [],
            [])));
        var page = await site.Open(WebSite.Reporter);

        await page.GotoAsync($"/find?q={word}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"More than {SearchLedger.MatchesRead:N0} results for “{word}”", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("more-match")).ToContainTextAsync("Narrow the search");
        await page.Screenshot("search-more-than");
    }
}

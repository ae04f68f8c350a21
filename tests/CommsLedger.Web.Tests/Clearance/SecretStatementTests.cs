using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Clearance;

[Collection(WebCollection.Name)]
public sealed class SecretStatementTests(WebSite site)
{
    private const string Secret = "KESTREL vaccine swap";

    [Fact]
    public async Task a_confidential_reviewer_does_not_see_a_secret_statement_anywhere()
    {
        var call = await site.Host.Call("CN", "PE", "a cleared subject");
        var reader = await site.Open(WebSite.ConfidentialReviewer);
        var countsBefore = await Row(reader).InnerTextAsync();
        await reader.GotoAsync("/relationship/CN-PE");
        var contactsBefore = await reader.GetByTestId("contacts").InnerTextAsync();

        // A SECRET statement on a CN-PE call the reader may see, and a SECRET call of CN-PE with a SECRET pledge.
        await site.Host.Send(new AddStatement(call.Id, call.Version, new StatementDraft("Minister A", "CN", $"The {Secret} stays between us.", ["secret"], Classification.Secret)));
        var secretCall = await site.Host.Call("CN", "PE", Secret, Classification.Secret);

        await reader.GotoAsync("/");
        Assert.Equal(countsBefore, await Row(reader).InnerTextAsync());
        await reader.GotoAsync("/relationship/CN-PE");
        Assert.Equal(contactsBefore, await reader.GetByTestId("contacts").InnerTextAsync());
        await NothingSecretOn(reader);
        await reader.GotoAsync($"/interaction/{call.Id}");
        await Assertions.Expect(reader.GetByTestId("statements")).ToContainTextAsync("We discussed a cleared subject.");
        await NothingSecretOn(reader);
        Assert.Equal(404, (await reader.GotoAsync($"/interaction/{secretCall.Id}"))!.Status);
        await NothingSecretOn(reader);
        Assert.Equal(404, (await reader.GotoAsync($"/pledge/{secretCall.Commitments[0].PledgeId}"))!.Status);
        await NothingSecretOn(reader);
        await reader.GotoAsync("/review?what=relationship&id=CN-PE&asKnownAt=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O")));
        await Assertions.Expect(reader.GetByTestId("history")).ToContainTextAsync("a cleared subject");
        await NothingSecretOn(reader);
        await reader.GotoAsync($"/review?what=interaction&id={call.Id}");
        await NothingSecretOn(reader);
        // The search page repeats the words searched for: nothing found, and no facet counts anything.
        await reader.GotoAsync("/find?q=KESTREL");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "0 results for “KESTREL”" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByTestId("facets").Locator("li")).ToHaveCountAsync(0);
        Assert.DoesNotContain("(S)", await reader.ContentAsync(), StringComparison.Ordinal);

        // The same pages show it to a SECRET reader: it is there, and hidden only by clearance.
        var cleared = await site.Open(WebSite.Recorder);
        await cleared.GotoAsync($"/interaction/{call.Id}");
        await Assertions.Expect(cleared.GetByTestId("statements")).ToContainTextAsync(Secret);
        await Assertions.Expect(cleared.Locator(".banner").First).ToHaveTextAsync("SECRET");
        Assert.Contains(Secret, (await site.Host.Query(new GetInteraction(call.Id), Classification.Secret)).Statements.Select(s => s.Text).Single(t => t.Contains(Secret, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static ILocator Row(IPage page) =>
        page.GetByTestId("relationships").GetByRole(AriaRole.Row).Filter(new() { HasText = "CN-PE" });

    private static async Task NothingSecretOn(IPage page)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain("KESTREL", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(S)", html, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".banner").First).Not.ToHaveTextAsync("SECRET");
    }
}

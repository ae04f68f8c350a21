using System.Net.Http.Json;
using System.Text.Json;
using CommsLedger.Application.Access.Keys;
using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Viewing;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Web.Forms;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Interactions;

[Collection(WebCollection.Name)]
public sealed class LoggingTests(WebSite site)
{
    [Fact]
    public async Task a_recorder_logs_the_seed_call_through_the_form_checks_the_answers_and_sees_it_on_the_cn_pe_page()
    {
        var page = await site.Open(WebSite.Recorder);
        var seed = SeedCall.Draft() with { Source = null };
        await page.GotoAsync("/log");

        await page.FillIn(seed);
        // A row added by mistake and removed again, without JavaScript.
        await page.Click("Add a statement");
        await page.Click($"Remove statement {seed.Statements.Count + 1}");
        await Assertions.Expect(page.Group($"Statement {seed.Statements.Count + 1}")).ToHaveCountAsync(0);
        await page.Screenshot("log-form");
        await page.Click("Continue");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before recording");
        await Assertions.Expect(page.GetByTestId("check-statements").Locator("tbody tr")).ToHaveCountAsync(seed.Statements.Count);
        await Assertions.Expect(page.GetByTestId("check-commitments").Locator("tbody tr")).ToHaveCountAsync(seed.Commitments.Count);
        await page.Screenshot("log-check-answers");
        await page.Screenshot("web-check-answers", fullPage: false);
        var before = await site.Host.EventCount();
        await page.Click("Record this interaction");

        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync($"Recorded: the interaction, {seed.Statements.Count} statements and {seed.Commitments.Count} commitments");
        // The redirect after the post carries the ledger position of the write, so any node shows it (read-your-writes).
        var recorded = new Uri(page.Url);
        Assert.Matches("^\\?after=[0-9A-F]+%2F[0-9A-F]+$", recorded.Query);
        var id = Guid.Parse(recorded.AbsolutePath.Split('/')[^1]);
        var record = await site.Host.Query(new GetInteraction(id));
        Assert.Equal(seed.Statements.Select(s => (s.Speaker, s.Country, s.Text, string.Join(",", s.Topics))),
            record.Statements.Select(s => (s.Speaker, s.Country, s.Text, string.Join(",", s.Topics))));
        Assert.Equal(seed.Commitments.Select(c => (c.By, c.To, c.Text)), record.Commitments.Select(c => (c.By, c.To, c.Text)));
        var pledgeFollowUps = 0;
        foreach (var commitment in record.Commitments)
        {
            pledgeFollowUps += (await site.Host.Query(new GetPledge(commitment.PledgeId))).FollowUps.Count;
        }

        Assert.Equal(seed.Commitments.Sum(c => c.FollowUps.Count), pledgeFollowUps);
        Assert.Single(await site.Host.Query(new ListFollowUpsOf(id)));
        Assert.True(await site.Host.EventCount() > before);

        await page.GotoAsync("/relationship/CN-PE");
        await Assertions.Expect(page.GetByTestId("timeline").Locator($"a[href='/interaction/{id}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_form_shows_the_apis_own_field_errors_next_to_the_fields_and_records_nothing()
    {
        var page = await site.Open(WebSite.Recorder);
        await page.GotoAsync("/log");
        var interaction = page.Group("The interaction");
        await interaction.GetByLabel("Date it occurred").FillAsync("2020-13-05");
        await page.Group("Participant 1").GetByLabel("Name").FillAsync("Wang Yi");
        await page.Group("Participant 1").GetByLabel("Party").FillAsync("CN");
        await page.Group("Participant 2").GetByLabel("Party").FillAsync("XX");
        await page.Click("Add a statement");
        await page.Group("Statement 1").GetByLabel("Speaker").FillAsync("Wang Yi");
        await page.Group("Statement 1").GetByLabel("Party").FillAsync("FR");
        await page.Group("Statement 1").GetByLabel("What was said").FillAsync("Anything");
        // The same content sent to the API (with a key of the recorder's, itself an event, issued first): its field
        // errors are the ones the page shows, each next to its field.
        var api = await ApiErrors(new
        {
            kind = "phone-call", occurredOn = "2020-13-05", summary = (string?)null, classification = "unclassified",
            participants = new[] { new { name = (string?)"Wang Yi", country = "CN" }, new { name = (string?)null, country = "XX" } },
            statements = new[] { new { speaker = "Wang Yi", country = "FR", text = "Anything" } },
        });
        var before = await site.Host.EventCount();

        await page.Click("Continue");
        Assert.NotEmpty(api);
        foreach (var (field, problems) in api)
        {
            foreach (var problem in problems)
            {
                await Assertions.Expect(page.Locator($"#{Fields.Id(field)}-error")).ToContainTextAsync(problem);
                await Assertions.Expect(page.Locator(".error-summary").GetByRole(AriaRole.Link, new() { Name = $"{field}: {problem}" })).ToBeVisibleAsync();
            }
        }

        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(api.Sum(e => e.Value.Length));
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.Host.EventCount());
        await page.Screenshot("log-errors");
    }

    [Fact]
    public async Task starting_from_the_pasted_sample_readout_prefills_the_form_and_records_it_on_cn_pe()
    {
        var page = await site.Open(WebSite.Recorder);
        await page.GotoAsync("/log");
        await page.GetByRole(AriaRole.Link, new() { Name = "start from a readout" }).ClickAsync();
        var readout = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "china-peru-call-2020-11-05.txt"));
        await page.GetByLabel("Readout text").FillAsync(readout);
        await page.GetByLabel("Who follows up").FillAsync("Americas desk");
        await page.Click("Draft the entry");

        await Assertions.Expect(page.Group("Participant 1").GetByLabel("Name")).ToHaveValueAsync("Wang Yi");
        await Assertions.Expect(page.Group("Participant 2").GetByLabel("Name")).ToHaveValueAsync("Mario Lopez");
        await Assertions.Expect(page.Group("The interaction").GetByLabel("Date it occurred")).ToHaveValueAsync("2020-11-05");
        await Assertions.Expect(page.Group("Commitment 1")).ToBeVisibleAsync();
        await page.Screenshot("log-from-readout");
        await page.Click("Continue");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before recording");
        await page.Click("Record this interaction");

        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Recorded");
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var record = await site.Host.Query(new GetInteraction(id));
        Assert.StartsWith("readout-sha256:", record.Source!.SourceId, StringComparison.Ordinal);
        Assert.Contains(record.Statements, s => s.Text.Contains("Sinopharm", StringComparison.Ordinal));
        await page.GotoAsync("/relationship/CN-PE");
        await Assertions.Expect(page.GetByTestId("timeline").Locator($"a[href='/interaction/{id}']")).ToBeVisibleAsync();
    }

    private async Task<Dictionary<string, string[]>> ApiErrors(object body)
    {
        var key = await site.Host.Send(new IssueApiKey(WebSite.Recorder, "api comparison"));
        using var http = new HttpClient { BaseAddress = new Uri(site.Host.Address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        using var response = await http.PostAsJsonAsync("/interactions", body);
        Assert.Equal(400, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}

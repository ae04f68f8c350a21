using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;
using Npgsql;

namespace CommsLedger.Web.Tests.Review;

[Collection(WebCollection.Name)]
public sealed class ReviewTests(WebSite site)
{
    [Fact]
    public async Task as_known_at_before_a_correction_the_review_page_shows_the_old_text_beside_the_new()
    {
        var call = await site.Host.Call("IT", "TN", "olive oil quotas");
        var recorder = await site.Open(WebSite.Recorder);
        await recorder.GotoAsync($"/interaction/{call.Id}");
        await recorder.Disclose("Correct one field");
        await recorder.GetByLabel("What to correct").SelectOptionAsync(new SelectOptionValue { Label = "Statement by Minister A: We discussed olive oil quotas." });
        await recorder.GetByLabel("Field", new() { Exact = true }).SelectOptionAsync("text");
        await recorder.GetByLabel("What it should say").FillAsync("We agreed on olive oil quotas.");
        await recorder.GetByLabel("Why", new() { Exact = true }).FillAsync("The readout says agreed");
        await recorder.Click("Record the correction");
        await Assertions.Expect(recorder.GetByTestId("done")).ToContainTextAsync("Correction recorded");
        await Assertions.Expect(recorder.GetByTestId("corrections")).ToContainTextAsync("The readout says agreed");
        await recorder.GotoAsync("/relationship/IT-TN");
        await Assertions.Expect(recorder.GetByTestId("recent-corrections")).ToContainTextAsync("We agreed on olive oil quotas.");

        var reviewer = await site.Open(WebSite.Reviewer);
        await reviewer.GotoAsync($"/review?what=interaction&id={call.Id}");
        var correction = reviewer.GetByTestId("history").GetByRole(AriaRole.Row).Filter(new() { HasText = "The readout says agreed" });
        await correction.GetByRole(AriaRole.Link, new() { Name = "As known just before" }).ClickAsync();

        await Assertions.Expect(reviewer.GetByTestId("then").GetByTestId("statements")).ToContainTextAsync("We discussed olive oil quotas.");
        await Assertions.Expect(reviewer.GetByTestId("then").GetByTestId("statements")).Not.ToContainTextAsync("We agreed");
        await Assertions.Expect(reviewer.GetByTestId("now").GetByTestId("statements")).ToContainTextAsync("We agreed on olive oil quotas.");
        await Assertions.Expect(correction).ToContainTextAsync("after the chosen moment");
        await reviewer.Screenshot("review");
        await reviewer.Screenshot("web-review", fullPage: false);

        await reviewer.GotoAsync("/review?what=relationship&id=IT-TN&asOccurredBy=2021-01-01");
        await Assertions.Expect(reviewer.GetByTestId("then")).ToContainTextAsync("Nothing recorded that you may see.");
        await Assertions.Expect(reviewer.GetByTestId("now")).ToContainTextAsync("olive oil quotas");
    }

    [Fact]
    public async Task a_top_secret_reviewer_verifies_the_whole_ledger_and_sees_it_intact()
    {
        await Integrate();
        var confidential = await site.Open(WebSite.ConfidentialReviewer);
        await confidential.GotoAsync("/review");
        await Assertions.Expect(confidential.GetByRole(AriaRole.Button, new() { Name = "Verify the whole ledger now" })).ToHaveCountAsync(0);

        var reviewer = await site.Open(WebSite.Reviewer);
        await reviewer.GotoAsync("/review");
        await Assertions.Expect(reviewer.GetByTestId("checkpoint")).ToContainTextAsync($"with key {site.Key.KeyId}");
        await reviewer.Click("Verify the whole ledger now");

        // The page refreshes itself while the check runs (no script needed), then shows the result.
        Assert.Equal("/integrity", new Uri(reviewer.Url).AbsolutePath);
        await Assertions.Expect(reviewer.GetByTestId("result")).ToContainTextAsync("Intact", new() { Timeout = 60_000 });
        await reviewer.GotoAsync("/review");
        await Assertions.Expect(reviewer.GetByTestId("last-verify")).ToContainTextAsync("Intact");
    }

    private async Task Integrate()
    {
        await using var dataSource = NpgsqlDataSource.Create(site.Host.ConnectionString);
        await using (var create = dataSource.CreateCommand(LedgerSchema.Default.CreateTablesSql()))
        {
            await create.ExecuteNonQueryAsync();
        }

        var integrator = new MerkleIntegrator(dataSource, site.Key, new IntegratorOptions(), null);
        await integrator.CatchUpAsync(CancellationToken.None);
        Assert.NotNull(await integrator.CheckpointNowAsync(CancellationToken.None));
    }
}

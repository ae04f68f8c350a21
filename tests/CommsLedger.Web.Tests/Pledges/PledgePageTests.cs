using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Pledges;

[Collection(WebCollection.Name)]
public sealed class PledgePageTests(WebSite site)
{
    [Fact]
    public async Task a_recorder_fulfils_a_pledge_and_a_reviewer_assesses_it()
    {
        var call = await site.Host.Call("FR", "SN", "solar panels");
        var pledge = call.Commitments.Single().PledgeId;
        var recorder = await site.Open(WebSite.Recorder);
        await recorder.GotoAsync($"/pledge/{pledge}");
        await Assertions.Expect(recorder.GetByTestId("status")).ToHaveTextAsync("open");

        await recorder.Disclose("Record what became of it");
        await recorder.GetByLabel("Outcome").SelectOptionAsync("fulfilled");
        await recorder.GetByLabel("On", new() { Exact = true }).FillAsync("2021-11-30");
        await recorder.GetByLabel("Note", new() { Exact = true }).FillAsync("All panels installed in Dakar");
        await recorder.Click("Record the outcome");

        await Assertions.Expect(recorder.GetByTestId("done")).ToContainTextAsync("Recorded as fulfilled");
        await Assertions.Expect(recorder.GetByTestId("status")).ToHaveTextAsync("fulfilled");
        await Assertions.Expect(recorder.GetByTestId("status-history")).ToContainTextAsync("All panels installed in Dakar");

        var reviewer = await site.Open(WebSite.Reviewer);
        await reviewer.GotoAsync($"/pledge/{pledge}");
        await reviewer.Disclose("Assess compliance");
        await reviewer.GetByLabel("+1 full compliance").CheckAsync();
        await reviewer.GetByLabel("Rationale").FillAsync("Delivered in full, on time");
        await reviewer.Click("Record the assessment");

        await Assertions.Expect(reviewer.GetByTestId("compliance")).ToHaveTextAsync("+1 (100% on the G7 scale)");
        await Assertions.Expect(reviewer.GetByTestId("assessments")).ToContainTextAsync("Delivered in full, on time");
        await reviewer.Screenshot("pledge");
        await reviewer.Screenshot("web-pledge", fullPage: false);
        await reviewer.GotoAsync("/relationship/FR-SN");
        await Assertions.Expect(reviewer.GetByTestId("compliance").GetByRole(AriaRole.Row).Filter(new() { HasText = "FR" })).ToContainTextAsync("100%");
        var stored = await site.Host.Query(new GetPledge(pledge));
        Assert.Equal(CommsLedger.Domain.Pledges.PledgeStatus.Fulfilled, stored.Status);
        Assert.Equal(WebSite.Reviewer, Assert.Single(stored.Assessments).RecordedBy);
    }

    [Fact]
    public async Task a_stale_form_is_refused_with_the_conflict_message_shows_the_pledge_as_it_stands_and_appends_nothing()
    {
        var call = await site.Host.Call("DE", "KE", "wind turbines");
        var pledge = call.Commitments.Single().PledgeId;
        var page = await site.Open(WebSite.Recorder);
        await page.GotoAsync($"/pledge/{pledge}");
        await page.Disclose("Note progress");
        await page.GetByLabel("Progress").FillAsync("Site survey finished");

        // Meanwhile someone else adds to the pledge.
        var read = await site.Host.Query(new GetPledge(pledge));
        await site.Host.Send(new NoteProgress(pledge, read.Version, "Contract signed in Nairobi", new DateOnly(2021, 5, 1)));
        var before = await site.Host.EventCount();
        await page.Click("Record the progress note");

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"This pledge changed since you read it (you read version {read.Version}; it is now at version {read.Version + 1}). Nothing was recorded.");
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("Contract signed in Nairobi");
        await Assertions.Expect(page.GetByTestId("progress")).Not.ToContainTextAsync("Site survey finished");
        await Assertions.Expect(page.GetByLabel("Progress")).ToHaveValueAsync("Site survey finished");
        Assert.Equal(before, await site.Host.EventCount());
        Assert.Single((await site.Host.Query(new GetPledge(pledge))).Progress);
        await page.Screenshot("pledge-conflict");

        // The form now carries the version shown: sent again, it is recorded.
        await page.Click("Record the progress note");
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("Site survey finished");
    }
}

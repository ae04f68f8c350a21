using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.FollowUps;

[Collection(WebCollection.Name)]
public sealed class DeskTests(WebSite site)
{
    [Fact]
    public async Task the_desk_shows_my_desks_overdue_follow_ups_and_one_is_completed_from_there()
    {
        var call = await site.Host.Call("JP", "VN", "rice exports");
        var page = await site.Open(WebSite.Recorder);
        await page.GotoAsync("/follow-ups");
        await page.Disclose("Set your desk");
        await page.GetByLabel("Your desk").FillAsync("Test desk");
        await page.Click("Save");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My desk (Test desk)" })).ToHaveAttributeAsync("aria-current", "page");
        var overdue = page.GetByTestId("desk").First;
        await Assertions.Expect(overdue).ToContainTextAsync("Check the delivery of rice exports");
        await Assertions.Expect(overdue).Not.ToContainTextAsync("Americas desk");
        await page.Screenshot("follow-ups");

        await overdue.GetByRole(AriaRole.Link, new() { Name = "Check the delivery of rice exports" }).ClickAsync();
        await page.GetByLabel("Outcome").FillAsync("Exports resumed in May");
        await page.GetByLabel("Completed on").FillAsync("2021-06-15");
        await page.Click("Complete the follow-up");

        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Follow-up completed: Check the delivery of rice exports");
        await Assertions.Expect(page.GetByTestId("follow-ups")).ToContainTextAsync("Exports resumed in May");
        var followUp = (await site.Host.Query(new GetPledge(call.Commitments[0].PledgeId))).FollowUps.Single();
        Assert.Equal(FollowUpStatus.Completed, followUp.Status);
        await page.GotoAsync("/follow-ups?show=desk");
        await Assertions.Expect(page.GetByText("Check the delivery of rice exports")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task a_bad_filter_is_named_next_to_its_field()
    {
        var page = await site.Open(WebSite.Reporter);

        var response = await page.GotoAsync("/follow-ups?within=soon");

        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.Locator("#f-within-error")).ToContainTextAsync("'soon' is not a whole number from 0 to 36500");
    }
}

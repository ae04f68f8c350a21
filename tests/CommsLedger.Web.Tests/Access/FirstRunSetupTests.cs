using System.Text.RegularExpressions;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Access;

[Collection(WebCollection.Name)]
public sealed partial class FirstRunSetupTests(WebSite site)
{
    [Fact]
    public async Task the_console_link_creates_the_first_admin_in_the_browser_and_then_is_gone()
    {
        // A ledger with no users yet: an application of its own, on a database of its own.
        await using var host = await WebHost.StartAsync(site.Postgres);
        var link = SetupLink().Match(host.Console.ToString());
        Assert.True(link.Success, "no set-up link on the console:\n" + host.Console);
        var page = await site.Browser.NewPage(host);

        await page.GotoAsync(link.Value);
        await page.GetByLabel("User name").FillAsync("ada");
        await page.GetByLabel("Clearance").SelectOptionAsync("secret");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("too short");
        await page.GetByLabel("Password again").FillAsync("too short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        // The API's own message for the field, in the summary (linking to the field) and next to it.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "password: must be 12 to 1024 characters" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-password-error")).ToContainTextAsync("must be 12 to 1024 characters");
        await page.Screenshot("setup-error");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebHost.Password);
        await page.GetByLabel("Password again").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        var who = page.GetByTestId("who");
        await Assertions.Expect(who).ToContainTextAsync("Signed in as ada");
        await Assertions.Expect(who).ToContainTextAsync("Role: admin");
        await Assertions.Expect(who).ToContainTextAsync("Clearance: SECRET");

        var again = await (await site.Browser.NewPage(host)).GotoAsync(link.Value);
        Assert.Equal(404, again!.Status);
        Assert.Contains("This set-up link does not work", await again.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_set_up_code_opens_nothing()
    {
        var page = await site.Open();

        var response = await page.GotoAsync("/setup/" + new string('0', 40));

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This set-up link does not work" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/setup/[0-9a-f]{40}")]
    private static partial Regex SetupLink();
}

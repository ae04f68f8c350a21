using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Pages.Account;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Access;

[Collection(WebCollection.Name)]
public sealed class SignInTests(PostgresCluster postgres, Support.Browser browser)
{
    [Fact]
    public async Task a_wrong_password_is_refused_with_a_clear_message_and_audited()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("rita", Classification.Secret, LedgerRole.Recorder);
        var page = await browser.NewPage(host);

        await page.SignIn("rita", "not the password");

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(SignInModel.WrongPassword);
        await Assertions.Expect(page.Locator("#f-password-error")).ToContainTextAsync(SignInModel.WrongPassword);
        await Assertions.Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Sign-in failed", StringComparison.Ordinal) && e.Values["User"] == "rita");
        await page.Screenshot("sign-in-wrong-password");

        await page.SignIn("rita");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as rita");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Clearance: SECRET");
    }

    [Fact]
    public async Task after_repeated_wrong_passwords_even_the_right_one_must_wait()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("rita", Classification.Secret, LedgerRole.Recorder);
        var page = await browser.NewPage(host);

        for (var attempt = 0; attempt < Web.Access.SignInThrottle.FreeFailures; attempt++)
        {
            await page.SignIn("rita", "guess " + attempt);
        }

        await page.SignIn("rita");

        await Assertions.Expect(page.Locator("#f-password-error")).ToContainTextAsync("Too many wrong passwords for 'rita'");
        await Assertions.Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Sign-in refused", StringComparison.Ordinal) && e.Values["User"] == "rita");
    }

    [Fact]
    public async Task a_form_posted_without_the_antiforgery_token_is_refused()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("rita", Classification.Secret, LedgerRole.Recorder);
        var page = await browser.NewPage(host);
        await page.SignIn("rita");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as rita");

        // The browser's own cookies, but a form without the token (as another site's form would post it).
        var signOut = await page.APIRequest.PostAsync("/sign-out", new() { Form = page.APIRequest.CreateFormData(), MaxRedirects = 0 });
        var form = page.APIRequest.CreateFormData();
        form.Set("Name", "rita");
        form.Set("Password", WebHost.Password);
        var signIn = await page.APIRequest.PostAsync("/sign-in", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(400, signOut.Status);
        Assert.Equal(400, signIn.Status);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as rita");
    }

    [Fact]
    public async Task a_page_asks_for_sign_in_and_returns_to_it_and_sign_out_ends_the_session()
    {
        await using var host = await WebHost.StartAsync(postgres);
        await host.AddUser("rita", Classification.Secret, LedgerRole.Recorder);
        var page = await browser.NewPage(host);

        await page.GotoAsync("/relationship/CN-PE");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync("rita");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CN-PE");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out");
        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }
}

using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Pages.Account;
using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Access;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebSite site)
{
    [Fact]
    public async Task a_wrong_password_is_refused_with_a_clear_message_and_audited()
    {
        var host = site.Host;
        var name = await NewRecorder(host);
        var page = await site.Open();

        await page.SignIn(name, "not the password");

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(SignInModel.WrongPassword);
        await Assertions.Expect(page.Locator("#f-password-error")).ToContainTextAsync(SignInModel.WrongPassword);
        await Assertions.Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Sign-in failed", StringComparison.Ordinal) && e.Values["User"] == name);
        await page.Screenshot("sign-in-wrong-password");

        await page.SignIn(name);
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as " + name);
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Clearance: SECRET");
    }

    [Fact]
    public async Task after_repeated_wrong_passwords_even_the_right_one_must_wait()
    {
        var host = site.Host;
        var name = await NewRecorder(host);
        var page = await site.Open();

        for (var attempt = 0; attempt < Web.Access.SignInThrottle.FreeFailures; attempt++)
        {
            await page.SignIn(name, "guess " + attempt);
        }

        await page.SignIn(name);

        await Assertions.Expect(page.Locator("#f-password-error")).ToContainTextAsync($"Too many wrong passwords for '{name}'");
        await Assertions.Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Sign-in refused", StringComparison.Ordinal) && e.Values["User"] == name);
    }

    [Fact]
    public async Task a_form_posted_without_the_antiforgery_token_is_refused()
    {
        var host = site.Host;
        var name = await NewRecorder(host);
        var page = await site.Open();
        await page.SignIn(name);
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as " + name);

        // The browser's own cookies, but a form without the token (as another site's form would post it).
        var signOut = await page.APIRequest.PostAsync("/sign-out", new() { Form = page.APIRequest.CreateFormData(), MaxRedirects = 0 });
        var form = page.APIRequest.CreateFormData();
        form.Set("Name", name);
        form.Set("Password", WebHost.Password);
        var signIn = await page.APIRequest.PostAsync("/sign-in", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(400, signOut.Status);
        Assert.Equal(400, signIn.Status);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as " + name);
    }

    [Fact]
    public async Task a_page_asks_for_sign_in_and_returns_to_it_and_sign_out_ends_the_session()
    {
        var host = site.Host;
        var name = await NewRecorder(host);
        var page = await site.Open();

        await page.GotoAsync("/relationship/CN-PE");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CN-PE");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out");
        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    /// <summary>A recorder of this test's own: throttling and sign-out must not touch the shared users.</summary>
    private static async Task<string> NewRecorder(WebHost host)
    {
        var name = "signer-" + Guid.NewGuid().ToString("N")[..8];
        await host.AddUser(name, Classification.Secret, LedgerRole.Recorder);
        return name;
    }
}

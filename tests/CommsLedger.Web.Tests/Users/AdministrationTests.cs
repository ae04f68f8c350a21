using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Users;

[Collection(WebCollection.Name)]
public sealed class AdministrationTests(WebSite site)
{
    [Fact]
    public async Task an_admin_adds_a_user_up_to_their_own_clearance_changes_them_revokes_their_key_and_disables_them()
    {
        var name = "uma" + Guid.NewGuid().ToString("N")[..6];
        var admin = await site.Open(WebSite.Admin);
        await admin.GotoAsync("/admin/users");
        // A SECRET administrator is not offered TOP SECRET.
        await Assertions.Expect(admin.GetByLabel("Clearance").Locator("option")).ToHaveTextAsync(["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"]);
        await admin.GetByLabel("User name").FillAsync(name);
        await admin.GetByLabel("reviewer").CheckAsync();
        await admin.GetByLabel("Clearance").SelectOptionAsync("confidential");
        await admin.GetByLabel("Password (optional)").FillAsync(WebHost.Password);
        await admin.Click("Add the user");
        await Assertions.Expect(admin.GetByTestId("done")).ToContainTextAsync($"User {name} added: reviewer, cleared CONFIDENTIAL");

        // The new user issues their own key, shown once, and it works on the API.
        var user = await site.Open(name);
        await user.GotoAsync("/my-account");
        await user.GetByLabel("Label").FillAsync("nightly export");
        await user.GetByLabel("Expires after").SelectOptionAsync("30");
        await user.Click("Issue a key");
        var key = await user.GetByLabel("Key", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("clk_", key, StringComparison.Ordinal);
        await Assertions.Expect(user.GetByTestId("keys")).ToContainTextAsync(DateTime.UtcNow.AddDays(30).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await user.Screenshot("my-account");
        Assert.Equal(200, await Me(key));

        await admin.GotoAsync($"/admin/users/{name}");
        await admin.GetByLabel("Clearance").SelectOptionAsync("secret");
        await admin.Click("Save roles and clearance");
        await Assertions.Expect(admin.GetByTestId("done")).ToContainTextAsync($"{name} now holds reviewer, cleared SECRET");
        await user.GotoAsync("/my-account");
        await Assertions.Expect(user.GetByTestId("who")).ToContainTextAsync("Clearance: SECRET");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke the key nightly export" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("keys")).ToContainTextAsync("revoked");
        Assert.Equal(401, await Me(key));

        await admin.Click($"Disable {name}");
        await Assertions.Expect(admin.GetByTestId("done")).ToContainTextAsync($"{name} is disabled");
        await user.GotoAsync("/my-account");
        Assert.Contains("/sign-in", user.Url, StringComparison.Ordinal);
        await user.SignIn(name);
        await Assertions.Expect(user.Locator("#f-password-error")).ToBeVisibleAsync();
    }

    private async Task<int> Me(string key)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Host.Address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await http.GetAsync("/me");
        return (int)response.StatusCode;
    }
}

using System.Net;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Api.Tests.Users;

/// <summary>Changes of access over HTTP: each is an event of the ledger, listed in the access history; keys expire
/// and say so before they do.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessOverHttpTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres);
        _admin = _api.Client(ApiHost.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_admin_changes_a_users_clearance_and_the_users_next_request_has_it()
    {
        await _api.AddUser("cleo", Classification.Confidential, LedgerRole.Reporter);
        var events = await _api.EventCount();

        using var changed = await _admin.PatchAsync("/users/cleo", Requests.Json(new { clearance = "secret" }));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("secret", (await (await _api.Client("cleo").GetAsync("/me")).Body()).GetProperty("clearance").GetString());
        Assert.Equal(events + 1, await _api.EventCount());
    }

    [Fact]
    public async Task an_admin_cannot_raise_anyone_above_their_own_clearance_nor_change_a_user_cleared_above_them()
    {
        await _api.AddUser("conrad", Classification.Confidential, LedgerRole.Admin);
        var conrad = _api.Client("conrad");
        var events = await _api.EventCount();

        using var raise = await conrad.PatchAsync($"/users/{ApiHost.Reporter}", Requests.Json(new { roles = new[] { "reporter", "recorder" } }));
        using var self = await conrad.PatchAsync("/users/conrad", Requests.Json(new { clearance = "top-secret" }));

        await raise.Problem(HttpStatusCode.Forbidden);
        await self.Problem(HttpStatusCode.Forbidden);
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task a_change_without_roles_or_clearance_is_400()
    {
        using var response = await _admin.PatchAsync($"/users/{ApiHost.Reporter}", Requests.Json(new { }));

        Assert.Contains("roles", (await response.Problem(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task a_new_key_expires_in_90_days_and_is_listed_with_its_expiry_never_its_secret()
    {
        await _api.AddUser("kim", Classification.Secret, LedgerRole.Reporter);
        using var issued = await _api.Client("kim").PostAsync("/me/keys", Requests.Json(new { label = "nightly" }));
        var key = await issued.Body();

        var mine = await (await _api.Client("kim").GetAsync("/me/keys")).Body();
        var byAdmin = await (await _admin.GetAsync("/users/kim/keys")).Content.ReadAsStringAsync();

        var expires = key.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90));
        var listed = mine.EnumerateArray().Single(k => k.GetProperty("keyId").GetGuid() == key.GetProperty("keyId").GetGuid());
        Assert.Equal(expires, listed.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.DoesNotContain(key.GetProperty("key").GetString()!, byAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256", byAdmin, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_key_close_to_its_expiry_warns_on_every_answer_and_a_fresh_one_does_not()
    {
        await _api.AddUser("jo", Classification.Secret, LedgerRole.Reporter);
        using var soon = await _api.Client("jo").PostAsync("/me/keys", Requests.Json(new { label = "short", expiresInDays = 3 }));
        using var withSoonKey = new HttpClient { BaseAddress = _api.Address };
        withSoonKey.DefaultRequestHeaders.Add("X-Api-Key", (await soon.Body()).GetProperty("key").GetString());

        using var warned = await withSoonKey.GetAsync("/me");
        using var fresh = await _api.Client("jo").GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warning = Assert.Single(warned.Headers.GetValues(ApiKeyAuthentication.WarningHeader));
        Assert.StartsWith("299 commsledger \"API key ", warning, StringComparison.Ordinal);
        Assert.Contains("POST /me/keys", warning, StringComparison.Ordinal);
        Assert.False(fresh.Headers.Contains(ApiKeyAuthentication.WarningHeader));
    }

    [Fact]
    public async Task a_key_lifetime_outside_1_to_365_days_is_400_naming_it()
    {
        using var response = await _api.Client(ApiHost.Reporter).PostAsync("/me/keys", Requests.Json(new { expiresInDays = 366 }));

        Assert.Contains("expiresInDays", (await response.Problem(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task the_access_history_shows_each_change_with_who_made_it()
    {
        await _api.AddUser("hugo", Classification.Confidential, LedgerRole.Recorder);
        using var changed = await _admin.PatchAsync("/users/hugo", Requests.Json(new { roles = new[] { "recorder", "reporter" } }));

        var history = await (await _api.Client(ApiHost.Reviewer).GetAsync("/access/history?user=hugo")).Body();

        var lines = history.EnumerateArray().Select(l => l.GetProperty("what").GetString()!).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal("user hugo added: recorder; clearance CONFIDENTIAL", lines[0]);
        Assert.StartsWith("API key ", lines[1], StringComparison.Ordinal);
        Assert.Equal("roles of hugo: recorder, reporter", lines[2]);
        var last = history.EnumerateArray().Last();
        Assert.Equal(ApiHost.Admin, last.GetProperty("by").GetString());
        Assert.Equal("recorder", last.GetProperty("was").GetString());
    }
}

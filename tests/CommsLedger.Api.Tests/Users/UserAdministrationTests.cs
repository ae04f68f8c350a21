using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Users;

[Collection(PostgresCollection.Name)]
public sealed class UserAdministrationTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
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
    public async Task an_admin_adds_a_user_who_signs_in_with_password_or_key()
    {
        using var added = await _admin.PostAsync("/users", Requests.Json(new { name = "Nora", roles = new[] { "reporter" }, clearance = "confidential", password = "a long enough secret" }));
        using var issued = await _admin.PostAsync("/users/nora/keys", Requests.Json(new { label = "nightly" }));
        using var byKey = _api.Client();
        byKey.DefaultRequestHeaders.Add("X-Api-Key", (await issued.Body()).GetProperty("key").GetString());
        using var byPassword = _api.Client();
        byPassword.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("nora:a long enough secret")));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var user = await added.Body();
        Assert.Equal("nora", user.GetProperty("name").GetString());
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Equal("confidential", (await (await byKey.GetAsync("/me")).Body()).GetProperty("clearance").GetString());
        Assert.Equal("nora", (await (await byPassword.GetAsync("/me")).Body()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task adding_a_user_twice_is_422()
    {
        using var first = await _admin.PostAsync("/users", Requests.Json(new { name = "twice", roles = new[] { "recorder" }, clearance = "SECRET" }));

        using var second = await _admin.PostAsync("/users", Requests.Json(new { name = "twice", roles = new[] { "recorder" }, clearance = "SECRET" }));

        Assert.Contains("name", (await second.Problem(HttpStatusCode.UnprocessableEntity)).Keys);
    }

    [Fact]
    public async Task an_unknown_role_clearance_or_a_short_password_is_named()
    {
        using var response = await _admin.PostAsync("/users", Requests.Json(new { name = "x", roles = new[] { "boss" }, clearance = "COSMIC", password = "short" }));

        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("roles", errors.Keys);
        Assert.Contains("clearance", errors.Keys);
    }

    [Fact]
    public async Task the_user_list_never_shows_hashes()
    {
        var text = await (await _admin.GetAsync("/users")).Content.ReadAsStringAsync();

        Assert.Contains(ApiHost.Recorder, text, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256", text, StringComparison.OrdinalIgnoreCase);
    }
}

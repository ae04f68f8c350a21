using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommsLedger.Api.Tests.Auth;

/// <summary>API keys, HTTP Basic and a ministry's JWT all end in the same user, roles and clearance; every denial is logged.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuthenticationTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private const string Issuer = "https://idp.ministry.test";
    private const string Audience = "commsledger";
    private const string Password = "correct horse battery staple";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres, api => api.AddUser("paula", Classification.Secret, Password, LedgerRole.Reviewer));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task no_credentials_is_401_with_the_ways_to_sign_in()
    {
        using var response = await _api.Client().GetAsync("/relationships");

        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task an_unknown_api_key_is_401()
    {
        using var client = _api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", "clk_" + Guid.NewGuid().ToString("N") + "_" + new string('x', 43));

        await (await client.GetAsync("/relationships")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_revoked_api_key_stops_working_at_once()
    {
        var admin = _api.Client(ApiHost.Admin);
        using var issued = await admin.PostAsync("/users/rory/keys", Requests.Json(new { label = "to revoke" }));
        var key = await issued.Body();
        using var job = _api.Client();
        job.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await job.GetAsync("/relationships")).StatusCode);

        using var revoked = await admin.DeleteAsync($"/users/rory/keys/{key.GetProperty("keyId").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await job.GetAsync("/relationships")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task basic_sign_in_with_the_right_password_acts_as_the_user()
    {
        using var client = Basic("paula", Password);

        var me = await (await client.GetAsync("/me")).Body();

        Assert.Equal("paula", me.GetProperty("name").GetString());
        Assert.Equal("secret", me.GetProperty("clearance").GetString());
        Assert.Equal("reviewer", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task a_wrong_password_is_401_and_logged()
    {
        using var client = Basic("paula", "not the password");

        await (await client.GetAsync("/relationships")).Problem(HttpStatusCode.Unauthorized);

        Assert.Contains(_api.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Values.GetValueOrDefault("Route") == "/relationships/"
            && e.Values.GetValueOrDefault("Reason") == "wrong user name or password");
    }

    [Fact]
    public async Task a_forbidden_request_is_403_and_logged_with_user_route_and_reason()
    {
        using var response = await _api.Client(ApiHost.Admin).GetAsync("/relationships/CN-PE");

        await response.Problem(HttpStatusCode.Forbidden);
        Assert.Contains(_api.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Values.GetValueOrDefault("User") == ApiHost.Admin
            && e.Values.GetValueOrDefault("Route") == "/relationships/{key}"
            && e.Values.GetValueOrDefault("Status") == "403"
            && (e.Values.GetValueOrDefault("Reason") ?? "").Contains("needs the role recorder or reviewer or reporter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_ministry_token_maps_its_roles_and_clearance()
    {
        await using var api = await JwtHost();
        using var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(new() { ["preferred_username"] = "desk.officer", ["groups"] = new[] { "ledger-recorders", "unrelated" }, ["clearance"] = "CONFIDENTIAL" }));

        var me = await (await client.GetAsync("/me")).Body();

        Assert.Equal("desk.officer", me.GetProperty("name").GetString());
        Assert.Equal("recorder", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal("confidential", me.GetProperty("clearance").GetString());
    }

    [Fact]
    public async Task a_token_without_clearance_sees_as_unclassified_and_one_without_roles_may_do_nothing()
    {
        await using var api = await JwtHost();
        using var reporter = api.Client();
        reporter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new() { ["preferred_username"] = "job", ["groups"] = "reporter" }));
        using var nobody = api.Client();
        nobody.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new() { ["preferred_username"] = "nobody" }));

        Assert.Equal("unclassified", (await (await reporter.GetAsync("/me")).Body()).GetProperty("clearance").GetString());
        await (await nobody.GetAsync("/relationships")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_token_signed_by_someone_else_is_401()
    {
        await using var api = await JwtHost();
        using var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(new() { ["preferred_username"] = "forger", ["groups"] = "ledger-recorders" }, RandomNumberGenerator.GetBytes(32)));

        await (await client.GetAsync("/relationships")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_token_that_names_no_user_is_401()
    {
        await using var api = await JwtHost();
        using var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new() { ["groups"] = "ledger-recorders", ["clearance"] = "SECRET" }));

        await (await client.GetAsync("/relationships")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_kept_response_is_not_given_again_once_the_tokens_clearance_is_lower()
    {
        await using var api = await JwtHost();
        var body = Requests.Interaction(d => d with { Classification = Classification.Secret });
        using var secret = api.Client();
        secret.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(new() { ["preferred_username"] = "desk.officer", ["groups"] = "ledger-recorders", ["clearance"] = "SECRET" }));
        using var downgraded = api.Client();
        downgraded.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(new() { ["preferred_username"] = "desk.officer", ["groups"] = "ledger-recorders", ["clearance"] = "CONFIDENTIAL" }));

        using var first = await secret.SendAsync(Keyed(body));
        using var retry = await downgraded.SendAsync(Keyed(body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await retry.Problem(HttpStatusCode.Conflict);
        Assert.DoesNotContain("Wang Yi", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        static HttpRequestMessage Keyed(string json) => new(HttpMethod.Post, "/interactions")
        {
            Content = Requests.Json(json),
            Headers = { { "Idempotency-Key", "log-the-call-once" } },
        };
    }

    private HttpClient Basic(string user, string password)
    {
        var client = _api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private Task<ApiHost> JwtHost() => ApiHost.StartAsync(postgres, new Dictionary<string, string?>
    {
        ["Authentication:Jwt:Issuer"] = Issuer,
        ["Authentication:Jwt:Audience"] = Audience,
        ["Authentication:Jwt:SigningKey"] = Convert.ToBase64String(SigningKey),
        ["Authentication:Jwt:RoleClaim"] = "groups",
        ["Authentication:Jwt:RoleMap:ledger-recorders"] = "recorder",
    });

    private static string Token(Dictionary<string, object> claims, byte[]? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Claims = claims,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
    });
}

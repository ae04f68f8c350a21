using System.Net;
using System.Text;
using CommsLedger.Api.Tests.OpenApi;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Auth;

/// <summary>Each role × each endpoint gets the expected status; nothing a probe sends is appended.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoleMatrixTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;
    private Dictionary<string, string> _ids = null!;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres, async api =>
        {
            using var logged = await api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        });
        var reader = _api.Client(ApiHost.Reviewer);
        var pledges = await (await reader.GetAsync("/relationships/CN-PE/pledges")).Body();
        var followUps = await (await reader.GetAsync("/relationships/CN-PE/followups")).Body();
        var pledge = pledges.GetProperty("items")[0].GetProperty("pledgeId").GetString()!;
        var interaction = (await (await reader.GetAsync($"/pledges/{pledge}")).Body()).GetProperty("interactionId").GetString()!;
        var record = await (await reader.GetAsync($"/interactions/{interaction}")).Body();
        _ids = new Dictionary<string, string>
        {
            ["{interaction}"] = interaction,
            ["{pledge}"] = pledge,
            ["{statement}"] = record.GetProperty("statements")[0].GetProperty("statementId").GetString()!,
            ["{followUp}"] = followUps.GetProperty("items")[0].GetProperty("followUpId").GetString()!,
        };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(EndpointMatrix.Cases), MemberType = typeof(EndpointMatrix))]
    public async Task each_role_gets_the_expected_status_from_each_endpoint(string endpoint, string caller)
    {
        var probe = EndpointMatrix.Endpoints.Single(e => $"{e.Method} {e.Route}" == endpoint);
        var path = _ids.Aggregate(probe.Path, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), path) { Content = probe.Body is null ? null : new StringContent(probe.Body, Encoding.UTF8, probe.ContentType ?? "application/json") };
        var events = await _api.EventCount();

        using var response = await _api.Client(caller == EndpointMatrix.Anonymous ? null : caller).SendAsync(request);

        var expected = EndpointMatrix.Expected(probe, caller);
        Assert.True(expected == response.StatusCode,
            $"{caller} {probe.Method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public void the_matrix_covers_every_mapped_endpoint()
    {
        var mapped = OpenApiDocumentTests.MappedRoutes(_api.Services);

        Assert.Equal(mapped.Order(StringComparer.Ordinal), EndpointMatrix.Endpoints.Select(e => $"{e.Method} {e.Route}").Order(StringComparer.Ordinal));
    }
}

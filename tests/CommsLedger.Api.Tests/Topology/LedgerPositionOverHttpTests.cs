using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Topology;

/// <summary>Read-your-writes over HTTP: a write answers with its Ledger-Position; a read sends it back as ?after= or
/// the header (on the primary it is answered at once; the wait on a standby is in ReplicaTests).</summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerPositionOverHttpTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task a_write_answers_with_its_position_and_a_read_carrying_it_sees_the_write()
    {
        using var logged = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var position = Assert.Single(logged.Headers.GetValues("Ledger-Position"));
        var id = (await logged.Body()).GetProperty("id").GetGuid();

        using var byQuery = await _recorder.GetAsync($"/interactions/{id}?after={Uri.EscapeDataString(position)}");
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, $"/interactions/{id}") { Headers = { { "Ledger-Position", position } } };
        using var answered = await _recorder.SendAsync(byHeader);

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Matches("^[0-9A-F]+/[0-9A-F]+$", position);
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task a_position_that_is_not_one_is_refused_naming_the_field()
    {
        using var response = await _recorder.GetAsync("/relationships?after=yesterday");

        var errors = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("not a ledger position", Assert.Single(errors["after"]), StringComparison.Ordinal);
    }
}

using CommsLedger.Api.Tests.Support;
using CommsLedger.Client.Models;
using CommsLedger.Client.Tests.Support;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CommsLedger.Client.Tests;

/// <summary>Error answers reach the generated client as typed <see cref="ProblemDetails"/>: a stale ETag is a 409,
/// a bad request a 400 whose errors name each field; nothing is appended either way.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProblemTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;
    private CommsLedgerApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        _client = LedgerClients.SignedIn(_api, ApiHost.Recorder);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task a_write_with_a_stale_etag_is_a_typed_409_problem_and_appends_nothing()
    {
        var logged = await _client.Interactions.PostAsync(await LedgerClients.SeedCall());
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var read = await _client.Interactions[logged!.Id!.Value].GetAsync(request => request.Options.Add(headers));
        var etag = Assert.Single(headers.ResponseHeaders["ETag"]);
        Assert.Equal($"\"{read!.Version}\"", etag);

        var first = await _client.Interactions[read.Id!.Value].Statements.PostAsync(Statement("Peru hopes to open a trade office in Shanghai."),
            request => request.Headers.Add("If-Match", etag));
        Assert.Equal(read.Version + 1, first!.Version);
        var events = await _api.EventCount();

        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Interactions[read.Id!.Value].Statements.PostAsync(
            Statement("A second desk, working from the same read."), request => request.Headers.Add("If-Match", etag)));

        Assert.Equal(409, stale.ResponseStatusCode);
        Assert.Equal(409, stale.Status);
        Assert.Contains($"version {read.Version}", stale.Detail, StringComparison.Ordinal);
        Assert.Equal(events, await _api.EventCount());
        Assert.Equal(first.Version, (await _client.Interactions[read.Id!.Value].GetAsync())!.Version);
    }

    [Fact]
    public async Task a_bad_request_is_a_typed_400_problem_naming_each_field()
    {
        var call = await LedgerClients.SeedCall();
        call.Source = null;
        call.Participants![1].Country = "XX";
        call.Summary = null;
        var events = await _api.EventCount();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Interactions.PostAsync(call));

        Assert.Equal(400, problem.ResponseStatusCode);
        var errors = problem.Errors!.AdditionalData;
        Assert.Contains("summary", errors.Keys);
        var country = Assert.IsType<UntypedArray>(errors["participants[1].country"]).GetValue().Cast<UntypedString>();
        Assert.Contains(country, message => message.GetValue()!.Contains("'XX'", StringComparison.Ordinal));
        Assert.Equal(events, await _api.EventCount());
    }

    private static StatementBody Statement(string text) => new() { Speaker = "Mario Lopez", Country = "PE", Text = text };
}

using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Audit;

/// <summary>Every event carries the authenticated user and the request's correlation id, which every answer echoes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task events_carry_the_signed_in_user_and_the_callers_correlation_id()
    {
        using var recorder = _api.Client(ApiHost.Recorder, correlationId: "desk-42.call-7");
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction(d => d with { Participants = [d.Participants[0], d.Participants[1] with { Country = "BR" }], Statements = [], Commitments = [] })));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        var history = await (await _api.Client(ApiHost.Reviewer).GetAsync("/relationships/BR-CN/history")).Body();

        Assert.NotEmpty(history.EnumerateArray());
        Assert.All(history.EnumerateArray(), e =>
        {
            Assert.Equal(ApiHost.Recorder, e.GetProperty("recordedBy").GetString());
            Assert.Equal("desk-42.call-7", e.GetProperty("correlationId").GetString());
        });
        Assert.Equal("desk-42.call-7", logged.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task a_request_without_a_correlation_id_gets_one_even_when_refused()
    {
        using var response = await _api.Client().GetAsync("/relationships");

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Equal(32, id.Length);
        Assert.Contains($"\"correlationId\":\"{id}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unusable_correlation_id_is_replaced()
    {
        using var client = _api.Client(ApiHost.Reporter);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Correlation-Id", "<script>");

        using var response = await client.GetAsync("/relationships");

        Assert.NotEqual("<script>", response.Headers.GetValues("X-Correlation-Id").Single());
    }
}

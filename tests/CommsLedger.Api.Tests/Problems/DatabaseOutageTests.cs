using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Problems;

/// <summary>PostgreSQL stopped under a running API (a cluster of this test's own): every request is a 503 with
/// Retry-After naming the cause, never a 500, and the API recovers by itself when the database is back.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private DedicatedCluster _postgres = null!;
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _postgres = await DedicatedCluster.StartAsync();
        _api = await ApiHost.StartAsync(_postgres.Cluster);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task while_the_database_is_down_writes_reads_and_readiness_answer_503_with_retry_after_and_the_cause()
    {
        using var client = _api.Client(ApiHost.Recorder);
        var start = await _api.EventCount();
        using (var before = await client.SendAsync(Requests.Post("/interactions", Requests.Interaction())))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        var eventsOfOneInteraction = await _api.EventCount() - start;

        await _postgres.StopAsync();

        using (var write = await client.SendAsync(Requests.Post("/interactions", Requests.Interaction())))
        {
            await AssertUnavailable(write);
        }

        using (var read = await client.GetAsync("/relationships"))
        {
            await AssertUnavailable(read);
        }

        using (var ready = await _api.Client().GetAsync("/health/ready"))
        {
            await AssertUnavailable(ready);
            Assert.Contains("refuses connections", (await ready.Body()).GetProperty("database").GetString(), StringComparison.Ordinal);
        }

        using (var live = await _api.Client().GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        Assert.Contains(_api.Logs.Entries, e => e.Message.Contains("Unavailable POST /interactions", StringComparison.Ordinal));

        await _postgres.RestartAsync();

        Assert.Equal(HttpStatusCode.Created, await FirstAnswerAfterOutage(() => client.SendAsync(Requests.Post("/interactions", Requests.Interaction()))));
        Assert.Equal(HttpStatusCode.OK, await FirstAnswerAfterOutage(() => _api.Client().GetAsync("/health/ready")));
        Assert.Equal(start + (2 * eventsOfOneInteraction), await _api.EventCount());
    }

    private static async Task AssertUnavailable(HttpResponseMessage response)
    {
        await response.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var detail = (await response.Body()).GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
    }

    /// <summary>Pooled connections broken by the restart may answer one more 503; a client retries on Retry-After.</summary>
    private static async Task<HttpStatusCode> FirstAnswerAfterOutage(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return response.StatusCode;
            }
        }
    }
}

using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Idempotency;

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyKeyTests(PostgresCluster postgres) : IAsyncLifetime
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
    public async Task a_retried_log_returns_the_original_result_and_appends_nothing()
    {
        var body = Requests.Interaction();
        using var first = await _recorder.SendAsync(Requests.Post("/interactions", body, idempotencyKey: "log-1"));
        var events = await _api.EventCount();

        using var retry = await _recorder.SendAsync(Requests.Post("/interactions", body, idempotencyKey: "log-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task a_retried_change_returns_the_original_result_and_appends_nothing()
    {
        var pledge = await NewPledge();
        using var read = await _recorder.GetAsync($"/pledges/{pledge}");
        using var first = await _recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "shipped" }, read.ETag(), "progress-1"));
        var events = await _api.EventCount();

        using var retry = await _recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "shipped" }, read.ETag(), "progress-1"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_422_and_appends_nothing()
    {
        using var first = await _recorder.SendAsync(Requests.Post("/interactions", Requests.Interaction(), idempotencyKey: "log-2"));
        var events = await _api.EventCount();

        using var other = await _recorder.SendAsync(Requests.Post("/interactions", Requests.Interaction(d => d with { Summary = "Another call" }), idempotencyKey: "log-2"));

        Assert.Contains("Idempotency-Key", (await other.Problem(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(events, await _api.EventCount());
    }

    [Fact]
    public async Task concurrent_retries_with_one_key_append_once()
    {
        var body = Requests.Interaction();
        var start = await _api.EventCount();
        using (await _recorder.PostAsync("/interactions", Requests.Json(body)))
        {
        }

        var events = await _api.EventCount();
        var perCall = events - start;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _recorder.SendAsync(Requests.Post("/interactions", body, idempotencyKey: "log-race"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Headers.Location).Distinct().ToArray();
        Assert.Single(created);
        Assert.Equal(events + perCall, await _api.EventCount());
    }

    [Fact]
    public async Task a_failed_request_keeps_no_key_so_the_corrected_retry_runs()
    {
        var pledge = await NewPledge();
        using var stale = await _recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "n" }, 99, "progress-2"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var read = await _recorder.GetAsync($"/pledges/{pledge}");

        using var retry = await _recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "n" }, read.ETag(), "progress-2"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task keys_belong_to_their_user()
    {
        var body = Requests.Interaction();
        await _api.AddUser("rebecca", Domain.Shared.Classification.TopSecret, Application.Pipeline.LedgerRole.Recorder);
        using var mine = await _recorder.SendAsync(Requests.Post("/interactions", body, idempotencyKey: "shared-key"));
        var events = await _api.EventCount();

        using var theirs = await _api.Client("rebecca").SendAsync(Requests.Post("/interactions", body, idempotencyKey: "shared-key"));

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.True(await _api.EventCount() > events);
    }

    private async Task<Guid> NewPledge()
    {
        using var logged = await _recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        return (await logged.Body()).GetProperty("commitments")[0].GetProperty("pledgeId").GetGuid();
    }
}

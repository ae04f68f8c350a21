using System.Net.Http.Headers;
using System.Text;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Reliability.Support;

namespace CommsLedger.Reliability.Idempotency;

/// <summary>The same write, with the same Idempotency-Key, sent K times at once (CI 16, full 64): one set of events;
/// every answer is the first one given again or a 409 saying it was processed concurrently, never a 5xx.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IdempotencyRaceTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly SuiteSize Size = SuiteSize.Current;
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task racing_copies_of_one_new_interaction_log_it_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var body = Drafts.Interaction($"race {round}", new Random(round));
            var answers = await Race($"/interactions", body, ifMatch: null, $"log-{round}");

            await OneSetOfEvents(answers, $"Meeting race {round} on trade and vaccines", "interaction_logged.v1", "summary");
        }
    }

    [Fact]
    public async Task racing_copies_of_one_change_to_a_pledge_append_it_once()
    {
        using var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Drafts.Interaction("pledge race", new Random(7))));
        var pledge = (await logged.Body()).GetProperty("commitments")[0].GetProperty("pledgeId").GetGuid();
        for (var round = 0; round < 3; round++)
        {
            var note = $"raced note {round}";
            var answers = await Race($"/pledges/{pledge}/progress", $$"""{"note": "{{note}}"}""", ifMatch: round + 1, $"progress-{round}");

            await OneSetOfEvents(answers, note, "pledge_progress_noted.v1", "note");
        }
    }

    private async Task<HttpResponseMessage[]> Race(string path, string body, long? ifMatch, string key)
    {
        using var client = _api.Client(ApiHost.Recorder);
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, Size.Racers).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            if (ifMatch is { } version)
            {
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            }

            start.Wait();
            return await client.SendAsync(request);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(racers);
    }

    private async Task OneSetOfEvents(HttpResponseMessage[] answers, string text, string type, string field)
    {
        var statuses = answers.Select(a => (int)a.StatusCode).ToArray();
        var created = answers.Where(a => a.IsSuccessStatusCode).ToArray();
        var appended = await LedgerEvents.Scalar<long>(_api.ConnectionString,
            $"select count(*) from commsledger.mt_events where type = '{type}' and data ->> '{field}' = '{text}'");

        Assert.Equal(1, appended);
        Assert.All(statuses, s => Assert.True(s is 200 or 201 or 409, $"answers: {string.Join(", ", statuses)}"));
        Assert.NotEmpty(created);
        Assert.Single(created.Select(a => a.Headers.Location?.ToString()).Distinct());
        Assert.Equal(created.Length - 1, created.Count(a => a.Headers.TryGetValues("Idempotent-Replayed", out _)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}

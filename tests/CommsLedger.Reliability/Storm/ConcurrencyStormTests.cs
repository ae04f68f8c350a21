using System.Globalization;
using System.Net;
using System.Text.Json;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Reliability.Support;
using Xunit.Abstractions;

namespace CommsLedger.Reliability.Storm;

/// <summary>
/// N writers through the HTTP API for T seconds (CI 8 × 15 s, full 32 × 60 s) on shared pledges and new interactions.
/// Asserted from <c>mt_events</c>: every acknowledged write is there exactly once, nothing unacknowledged is; the read
/// models equal a replay of the log, and each relationship's counts equal the raw counts of its events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyStormTests(PostgresCluster postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly SuiteSize Size = SuiteSize.Current;
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task every_acknowledged_write_is_in_the_ledger_once_and_nothing_else_is()
    {
        var pledges = await SeedSharedPledges();
        var journal = new WriteJournal();
        var clients = Enumerable.Range(0, Size.Writers).Select(_ => _api.Client(ApiHost.Recorder)).ToArray();

        var until = DateTime.UtcNow + Size.Storm;
        await using (var profile = new StormProfile(_api.ConnectionString, () => StormWriter.InFlight, LockNames(pledges)))
        {
            profile.Start();
            await Task.WhenAll(clients.Select((client, i) => Task.Run(() => new StormWriter(i, client, pledges, journal).Run(until))));
            await profile.DisposeAsync();
            output.WriteLine(Figures(journal));
            output.WriteLine(profile.Report());
        }

        var check = await journal.CheckAgainst(_api.ConnectionString);
        Assert.True(check.Problems.Count == 0, check.ToString());
        Assert.DoesNotContain(journal.Attempts, a => a.Status is 0 or >= 500);
        Assert.True(check.Acknowledged > Size.Writers, check.ToString());
        await ReadModelsEqualAReplay();
        await RelationshipCountsEqualRawCounts();
        await ProgressNotesEqualRawCounts(pledges);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private string Figures(WriteJournal journal)
    {
        var attempts = journal.Attempts;
        var acknowledged = attempts.Where(a => a.Acknowledged).ToArray();
        var guarded = attempts.Where(a => a.Kind == "progress").ToArray();
        var latencies = acknowledged.Select(a => a.Latency).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"storm ({Size.Name}): {Size.Writers} writers x {Size.Storm.TotalSeconds:0} s; {acknowledged.Length} writes acknowledged, "
            + $"{acknowledged.Length / Size.Storm.TotalSeconds:0.0} writes/s; p50 {WriteJournal.Percentile(latencies, 0.5).TotalMilliseconds:0} ms, "
            + $"p99 {WriteJournal.Percentile(latencies, 0.99).TotalMilliseconds:0} ms; 409 on {guarded.Count(a => a.Status == 409)} of {guarded.Length} If-Match writes "
            + $"({100.0 * guarded.Count(a => a.Status == 409) / Math.Max(1, guarded.Length):0.0}%); other refusals {attempts.Count(a => !a.Acknowledged && a.Status != 409)}");
    }

    /// <summary>The advisory locks the writers take (named as StreamWriter names them): a stream's, before it is read for
    /// writing, and each party's, standing for the relationships an append rewrites.</summary>
    private static Dictionary<string, string> LockNames(IEnumerable<Guid> pledges) =>
        Drafts.Parties.ToDictionary(p => $"party:{p}", _ => "a party's (its relationships' ledgers)", StringComparer.Ordinal)
            .Concat(pledges.ToDictionary(p => $"stream:{p:N}", _ => "a pledge stream's (writers of one pledge)", StringComparer.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Eight interactions of one pledge each: the pledges every writer goes after.</summary>
    private async Task<IReadOnlyList<Guid>> SeedSharedPledges()
    {
        using var recorder = _api.Client(ApiHost.Recorder);
        var random = new Random(1);
        var pledges = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            using var logged = await recorder.PostAsync("/interactions", Requests.Json(Drafts.Interaction($"seed {i}", random)));
            var record = await logged.Body();
            Assert.True(logged.StatusCode == HttpStatusCode.Created, record.ToString());
            pledges.AddRange(record.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("pledgeId").GetGuid()));
        }

        return pledges;
    }

    private async Task ReadModelsEqualAReplay()
    {
        using var reviewer = _api.Client(ApiHost.Reviewer);
        using var response = await reviewer.GetAsync("/replay/check");
        var report = await response.Body();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
    }

    private async Task RelationshipCountsEqualRawCounts()
    {
        var contacts = await RawCountsByRelationship("interaction_logged.v1");
        var pledges = await RawCountsByRelationship("pledge_made.v1");
        using var reader = _api.Client(ApiHost.Reporter);
        // The storm's few parties make far fewer pairs than one page holds.
        var listed = (await (await reader.GetAsync("/relationships?limit=1000")).Body()).GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(contacts.Keys.Order(StringComparer.Ordinal), listed.Select(r => r.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
        foreach (var relationship in listed)
        {
            var key = relationship.GetProperty("key").GetString()!;
            Assert.Equal(contacts[key], relationship.GetProperty("interactionCount").GetInt32());
            Assert.Equal(pledges.GetValueOrDefault(key), relationship.GetProperty("sides").EnumerateArray().Sum(s => s.GetProperty("pledges").GetInt32()));
        }
    }

    private async Task ProgressNotesEqualRawCounts(IReadOnlyList<Guid> pledges)
    {
        var raw = (await LedgerEvents.Counts(_api.ConnectionString,
            "select stream_id::text, count(*) from commsledger.mt_events where type = 'pledge_progress_noted.v1' group by stream_id")).ToDictionary(r => r.Key, r => r.Count);
        using var reader = _api.Client(ApiHost.Reporter);
        foreach (var pledge in pledges)
        {
            var register = await (await reader.GetAsync($"/pledges/{pledge}")).Body();
            Assert.Equal(raw.GetValueOrDefault(pledge.ToString()), register.GetProperty("progress").GetArrayLength());
        }
    }

    private async Task<Dictionary<string, long>> RawCountsByRelationship(string type) =>
        (await LedgerEvents.Counts(_api.ConnectionString,
            $"select r, count(*) from commsledger.mt_events, jsonb_array_elements_text(data -> 'relationships') r where type = '{type}' group by r"))
        .ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
}

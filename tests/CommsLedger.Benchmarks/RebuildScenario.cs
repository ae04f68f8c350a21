using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.Search;
using JasperFx.Events.Daemon;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Rebuild throughput: N events of logged interactions (statements, commitments, pledge streams, follow-ups, spread
/// over 190 relationships), then each of the five projections rebuilt from event zero by the async daemon.
/// </summary>
public static class RebuildScenario
{
    private const int _interactionsPerBatch = 50;
    private static readonly TimeSpan _rebuildTimeout = TimeSpan.FromMinutes(5);

    private sealed record Target(string Name, Func<IProjectionDaemon, Task> Rebuild, Func<IQuerySession, Task<long>> Documents);

    private static readonly Target[] _targets =
    [
        new("InteractionRecordProjection", d => d.RebuildProjectionAsync<InteractionRecordProjection>(_rebuildTimeout, CancellationToken.None),
            q => q.Query<InteractionRecord>().LongCountAsync()),
        new("PledgeRegisterProjection", d => d.RebuildProjectionAsync<PledgeRegisterProjection>(_rebuildTimeout, CancellationToken.None),
            q => q.Query<PledgeRegister>().LongCountAsync()),
        new("FollowUpQueueProjection", d => d.RebuildProjectionAsync<FollowUpQueueProjection>(_rebuildTimeout, CancellationToken.None),
            q => q.Query<FollowUpItem>().LongCountAsync()),
        new("RelationshipLedgerProjection", d => d.RebuildProjectionAsync<RelationshipLedgerProjection>(_rebuildTimeout, CancellationToken.None),
            q => q.Query<RelationshipLedger>().LongCountAsync()),
        new("SearchIndexProjection (rows)", d => d.RebuildProjectionAsync<SearchIndexProjection>(_rebuildTimeout, CancellationToken.None),
            async q => (await q.AdvancedSql.QueryAsync<long>($"select count(*) from {LedgerStore.Schema}.{SearchEntriesTable.Name}", CancellationToken.None)).Single()),
    ];

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var connection = await cluster.CreateDatabaseAsync("bench_rebuild");
        var seeded = await Seed(connection, settings.RebuildEvents);
        await using var store = LedgerStore.Create(connection);
        using var daemon = await store.BuildProjectionDaemonAsync();
        Console.WriteLine($"rebuild: {_targets.Length} projections × ({settings.WarmUps} warm-up + {settings.RebuildReps}) rebuilds of {seeded:N0} events…");
        var samples = await Harness.Interleaved(
            [.. _targets.Select(target => (Func<Trial, Task<Prepared>>)(_ => Task.FromResult(new Prepared([() => target.Rebuild(daemon)], () => Task.FromResult(0L)))))],
            settings.WarmUps,
            settings.RebuildReps);

        await using var query = store.QuerySession();
        var table = new MarkdownTable("projection", "events in store", "documents", "rebuild s (median)", "events/s (median)", "events/s (min–max)");
        for (var t = 0; t < _targets.Length; t++)
        {
            var rates = samples[t].Select(s => seeded / s.Elapsed.TotalSeconds).ToArray();
            table.Row(
                _targets[t].Name,
                MarkdownTable.Number(seeded),
                MarkdownTable.Number(await _targets[t].Documents(query)),
                MarkdownTable.Number(Harness.Median(samples[t].Select(s => s.Elapsed.TotalSeconds)), "0.00"),
                MarkdownTable.Number(Harness.Median(rates)),
                $"{MarkdownTable.Number(rates.Min())}–{MarkdownTable.Number(rates.Max())}");
        }

        return table.ToString();
    }

    /// <summary>Untimed: appends through a store with projections off, batch by batch, until at least
    /// <paramref name="events"/> events are stored. Every rebuild then starts from the same log.</summary>
    private static async Task<long> Seed(string connection, int events)
    {
        await using var store = LedgerHost.StoreWithoutProjections(connection);
        var number = 0;
        for (var appended = 0L; appended < events;)
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < _interactionsPerBatch && appended < events; i++, number++)
            {
                var change = InteractionDecisions.Log(Drafts.Interaction(number, 4, 2, 1), Guid.NewGuid(), Guid.NewGuid, Drafts.Today);
                session.Events.StartStream<Interaction>(change.EntryId!.Value, change.Events);
                foreach (var pledge in change.Others)
                {
                    session.Events.StartStream<Pledge>(pledge.StreamId, pledge.Events);
                }

                appended += change.Events.Count + change.Others.Sum(p => p.Events.Count);
            }

            await session.SaveChangesAsync();
        }

        return await LedgerHost.EventCount(store);
    }
}

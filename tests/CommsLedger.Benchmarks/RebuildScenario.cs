using System.Diagnostics;
using CommsLedger.Application.Storage;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.Search;
using JasperFx.Events.Projections;
using Marten;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Rebuild throughput on a store of <c>--rebuild-events</c> events over <c>--rebuild-relationships</c> relationships,
/// written as <c>import --bulk</c> writes them (binary COPY, no read model, no statistics). First the page query of
/// Marten's daemon is EXPLAINed before and after ANALYZE; then every read model is rebuilt the way <c>replay</c> and
/// <c>import --bulk</c> rebuild them (<see cref="ReadModelRebuild"/>: statistics, tuned pages, side by side), one
/// after another, and each alone. With <c>--rebuild-defaults yes</c> also with Marten's default paging, one after
/// another, as before issue 11 (slow: minutes at a million events).
/// </summary>
public static class RebuildScenario
{
    private static readonly (string Name, Type Projection, Func<IQuerySession, Task<long>> Documents)[] _readModels =
    [
        ("InteractionRecord", typeof(InteractionRecordProjection), q => q.Query<InteractionRecord>().LongCountAsync()),
        ("PledgeRegister", typeof(PledgeRegisterProjection), q => q.Query<PledgeRegister>().LongCountAsync()),
        ("FollowUpQueue", typeof(FollowUpQueueProjection), q => q.Query<FollowUpItem>().LongCountAsync()),
        ("RelationshipLedger", typeof(RelationshipLedgerProjection), q => q.Query<RelationshipLedger>().LongCountAsync()),
        ("SearchIndex (rows)", typeof(SearchIndexProjection), async q => (await q.AdvancedSql.QueryAsync<long>($"select count(*) from {LedgerStore.Schema}.{SearchEntriesTable.Name}", CancellationToken.None)).Single()),
    ];

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var archive = new Archive(settings.RebuildEvents, settings.RebuildRelationships);
        var connection = await cluster.CreateDatabaseAsync("bench_rebuild");
        await using var store = LedgerStore.Create(connection);
        var seeding = Stopwatch.StartNew();
        await archive.CopyInto(store);
        var events = await LedgerHost.EventCount(store);
        Console.WriteLine($"rebuild: {archive} COPYed in {seeding.Elapsed.TotalSeconds:N0} s");
        Console.WriteLine(await PageQuery.Explain(store, "before ANALYZE"));
        await TableStatistics.Refresh(store, CancellationToken.None);
        Console.WriteLine(await PageQuery.Explain(store, "after ANALYZE"));

        var table = new MarkdownTable("rebuild", "events in store", "documents", "s (median)", "events/s (median)", "events/s (min–max)");
        await Measure(table, "every read model, side by side", events, settings, () => ReadModelRebuild.All(store, new Printed(), CancellationToken.None),
            () => Documents(store, [.. _readModels.Select(r => r.Documents)]));
        await Measure(table, "every read model, one after another", events, settings, async () =>
        {
            foreach (var readModel in _readModels)
            {
                await ReadModelRebuild.Run(store, [readModel.Projection], null, CancellationToken.None);
            }
        }, () => Documents(store, [.. _readModels.Select(r => r.Documents)]));
        foreach (var (name, projection, documents) in _readModels)
        {
            await Measure(table, name + " alone", events, settings, () => ReadModelRebuild.Run(store, [projection], null, CancellationToken.None), () => Documents(store, [documents]));
        }

        if (settings.RebuildWithDefaults)
        {
            await using var untuned = MartenDefaults(connection);
            await Measure(table, "every read model, one after another, Marten's default paging (before)", events, settings, async () =>
            {
                using var daemon = await untuned.BuildProjectionDaemonAsync();
                foreach (var readModel in _readModels)
                {
                    await daemon.RebuildProjectionAsync(readModel.Projection, TimeSpan.FromHours(2), CancellationToken.None);
                }
            }, () => Documents(untuned, [.. _readModels.Select(r => r.Documents)]));
        }

        return table.ToString();
    }

    private static async Task Measure(MarkdownTable table, string name, long events, BenchSettings settings, Func<Task> rebuild, Func<Task<long>> documents)
    {
        var seconds = new List<double>();
        for (var rep = 0; rep < settings.WarmUps + settings.RebuildReps; rep++)
        {
            var clock = Stopwatch.StartNew();
            await rebuild();
            if (rep >= settings.WarmUps)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }

        var rates = seconds.Select(s => events / s).ToArray();
        Console.WriteLine($"rebuild: {name}: {string.Join(", ", seconds.Select(s => s.ToString("N1")))} s");
        table.Row(name, MarkdownTable.Number(events), MarkdownTable.Number(await documents()), MarkdownTable.Number(Harness.Median(seconds), "0.0"),
            MarkdownTable.Number(Harness.Median(rates)), $"{MarkdownTable.Number(rates.Min())}–{MarkdownTable.Number(rates.Max())}");
    }

    private static async Task<long> Documents(IDocumentStore store, IReadOnlyList<Func<IQuerySession, Task<long>>> counts)
    {
        await using var query = store.QuerySession();
        var total = 0L;
        foreach (var count in counts)
        {
            total += await count(query);
        }

        return total;
    }

    /// <summary>The ledger's store with the daemon's paging as Marten ships it (<see cref="RebuildTuning"/> undone).</summary>
    private static DocumentStore MartenDefaults(string connection) => DocumentStore.For(options =>
    {
        LedgerStore.Configure(options, connection);
        options.Projections.RebuildWithBulkCopy = false;
        foreach (var projection in options.Projections.All.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = 500;
            projection.Options.RebuildFlushThreshold = 0;
            projection.Options.CacheLimitPerTenant = 0;
        }
    });

    /// <summary>The rebuild's progress on the console, a line every ten seconds.</summary>
    private sealed class Printed : IProgress<RebuildProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public void Report(RebuildProgress value)
        {
            if (_since.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"rebuild: {value.Done:N0} of {value.Total:N0} events, {value.EventsPerSecond:N0} events/s");
                _since.Restart();
            }
        }
    }
}

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
/// written as <c>import --bulk</c> writes them (binary COPY, no read model, no statistics): every read model rebuilt the
/// way <c>replay</c> and <c>import --bulk</c> rebuild them (<see cref="ReadModelRebuild"/>: one pass over the log), with
/// the process's peak memory while it ran. With <c>--rebuild-daemon yes</c> also as they did before, by Marten's daemon
/// side by side (<see cref="DaemonRebuild"/>, its page query EXPLAINed first), and with <c>--rebuild-defaults yes</c>
/// by the daemon with Marten's default paging, one after another (slow: many minutes at a million events).
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
        var counts = _readModels.Select(r => r.Documents).ToArray();

        var table = new MarkdownTable("rebuild", "events in store", "documents", "s (median)", "events/s (median)", "events/s (min–max)", "peak MB (managed / process)");
        await Measure(table, "every read model, one pass (now: replay, import --bulk)", events, settings,
            () => ReadModelRebuild.All(store, new Printed(), CancellationToken.None), () => Documents(store, counts));
        if (settings.RebuildWithDaemon)
        {
            Console.WriteLine(await PageQuery.Explain(store, "after ANALYZE"));
            await Measure(table, "every read model, Marten's daemon side by side (before)", events, settings, () => DaemonRebuild.SideBySide(store),
                () => Documents(store, counts));
        }

        if (settings.RebuildWithDefaults)
        {
            await using var untuned = MartenDefaults(connection);
            await Measure(table, "every read model, one after another, Marten's default paging (before issue 11)", events, settings, async () =>
            {
                using var daemon = await untuned.BuildProjectionDaemonAsync();
                foreach (var readModel in _readModels)
                {
                    await daemon.RebuildProjectionAsync(readModel.Projection, TimeSpan.FromHours(2), CancellationToken.None);
                }
            }, () => Documents(untuned, counts));
        }

        return table.ToString();
    }

    private static async Task Measure(MarkdownTable table, string name, long events, BenchSettings settings, Func<Task> rebuild, Func<Task<long>> documents)
    {
        var seconds = new List<double>();
        var peak = new PeakMemory();
        for (var rep = 0; rep < settings.WarmUps + settings.RebuildReps; rep++)
        {
            GC.Collect();
            using var sampling = rep >= settings.WarmUps ? peak.Sample() : null;
            var clock = Stopwatch.StartNew();
            await rebuild();
            if (rep >= settings.WarmUps)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }

        var rates = seconds.Select(s => events / s).ToArray();
        Console.WriteLine($"rebuild: {name}: {string.Join(", ", seconds.Select(s => s.ToString("N1")))} s; {peak}");
        table.Row(name, MarkdownTable.Number(events), MarkdownTable.Number(await documents()), MarkdownTable.Number(Harness.Median(seconds), "0.0"),
            MarkdownTable.Number(Harness.Median(rates)), $"{MarkdownTable.Number(rates.Min())}–{MarkdownTable.Number(rates.Max())}", peak.ToString());
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

    /// <summary>The rebuild's progress on the console: a line every ten seconds and one at each step, with the time
    /// since it started.</summary>
    private sealed class Printed : IProgress<RebuildProgress>
    {
        private readonly Stopwatch _started = Stopwatch.StartNew();
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private RebuildStep _step = RebuildStep.Reading;

        public void Report(RebuildProgress value)
        {
            if (_since.Elapsed > TimeSpan.FromSeconds(10) || value.Step != _step)
            {
                Console.WriteLine($"rebuild: {_started.Elapsed.TotalSeconds:N1} s, {value.Step}: {value.Done:N0} of {value.Total:N0} events, {value.EventsPerSecond:N0} events/s");
                _since.Restart();
                _step = value.Step;
            }
        }
    }
}

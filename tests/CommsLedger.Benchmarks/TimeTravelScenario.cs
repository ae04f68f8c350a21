using System.Diagnostics;
using CommsLedger.Application;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.Interactions;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Benchmarks;

/// <summary>
/// "As known at T" for one relationship holding N events (default 100,000): the replay from event zero against
/// the replay from the newest relationship checkpoint at or before T's position (the projection writes one every 2,000 events).
/// </summary>
public static class TimeTravelScenario
{
    private const int _statementsPerCall = 99;
    private const int _callsPerBatch = 20;

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var connection = await cluster.CreateDatabaseAsync("bench_timetravel");
        var marks = await Seed(connection, settings.TimeTravelEvents);
        var services = new ServiceCollection().AddLedger(connection)
            .BuildServiceProvider();
        await using var _ = services;
        await Rebuild(services.GetRequiredService<IDocumentStore>());

        var first = await Time(services, new AsOf(marks[^1], null));
        var table = new MarkdownTable("as known at (share of history)", "from event zero, ms (median)", "from checkpoint, ms (median)", "speed-up");
        foreach (var (mark, label) in marks.Zip(new[] { "25%", "50%", "75%", "100%" }))
        {
            var fromZero = await Median(services, new AsOf(mark, new DateOnly(9999, 1, 1)), settings.Reps);
            var fromCheckpoint = await Median(services, new AsOf(mark, null), settings.Reps);
            table.Row(label, MarkdownTable.Number(fromZero), MarkdownTable.Number(fromCheckpoint), MarkdownTable.Number(fromZero / fromCheckpoint, "N1") + "×");
        }

        return $"time travel: one relationship with {settings.TimeTravelEvents:N0} events; first checkpointed query of the run took {MarkdownTable.Number(first)} ms\n"
            + table;
    }

    private static async Task<DateTimeOffset[]> Seed(string connection, int events)
    {
        await using var store = LedgerHost.StoreWithoutProjections(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var calls = events / (_statementsPerCall + 1);
        var marks = new List<DateTimeOffset>();
        for (var call = 0; call < calls; call += _callsPerBatch)
        {
            await using var session = store.LightweightSession();
            for (var i = call; i < Math.Min(calls, call + _callsPerBatch); i++)
            {
                var draft = Drafts.Interaction(i * 190, _statementsPerCall, 0, 0); // pair 0: always CN-PE
                var change = InteractionDecisions.Log(draft, Guid.NewGuid(), Guid.NewGuid, Drafts.Today);
                session.Events.StartStream<Interaction>(change.EntryId!.Value, change.Events);
            }

            await session.SaveChangesAsync();
            if ((call + _callsPerBatch) * 4 / calls > marks.Count)
            {
                marks.Add(DateTimeOffset.UtcNow);
            }
        }

        while (marks.Count < 4)
        {
            marks.Add(DateTimeOffset.UtcNow);
        }

        return [.. marks.Take(4)];
    }

    /// <summary>Time travel reads a relationship's events through its positions and checkpoints, both written by the
    /// relationship read model.</summary>
    private static async Task Rebuild(IDocumentStore store)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<RelationshipLedgerProjection>(TimeSpan.FromMinutes(10), CancellationToken.None);
    }

    private static async Task<double> Median(IServiceProvider services, AsOf asOf, int reps)
    {
        var times = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            times.Add(await Time(services, asOf));
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<double> Time(IServiceProvider services, AsOf asOf)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Application.Pipeline.Actor>().Clearance = Domain.Shared.Classification.TopSecret;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var stopwatch = Stopwatch.StartNew();
        await mediator.Send(new GetRelationship("CN-PE", Drafts.Today, asOf));
        return stopwatch.Elapsed.TotalMilliseconds;
    }
}

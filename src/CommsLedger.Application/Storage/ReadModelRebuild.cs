using System.Diagnostics;
using CommsLedger.Projections;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>How far a rebuild of the read models has come: <paramref name="Done"/> of <paramref name="Total"/> events
/// (averaged over the read models, which rebuild side by side), at <paramref name="EventsPerSecond"/> so far.</summary>
public sealed record RebuildProgress(long Done, long Total, double EventsPerSecond);

/// <summary>
/// Every read model rebuilt from event zero by Marten's daemon, as fast as the store allows: statistics refreshed
/// first (right after a bulk COPY PostgreSQL knows nothing of the new rows, and each page the daemon reads then
/// scans and sorts the rest of the event table), the independent read models rebuilt side by side, the daemon's pages
/// sized and flushed as <see cref="RebuildTuning"/> sets them, and the read models' statistics refreshed after.
/// </summary>
public static class ReadModelRebuild
{
    private static readonly TimeSpan _timeout = TimeSpan.FromHours(2);
    private static readonly TimeSpan _progressEvery = TimeSpan.FromMilliseconds(500);

    public static Task All(IDocumentStore store, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken) =>
        Run(store, LedgerProjections.ProjectionTypes, progress, cancellationToken);

    public static async Task Run(IDocumentStore store, IReadOnlyList<Type> projections, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await TableStatistics.Refresh(store, cancellationToken);
        var total = await Scalar(store, $"select coalesce(max(seq_id), 0) from {LedgerStore.Schema}.mt_events", null, cancellationToken);
        using var daemon = await store.BuildProjectionDaemonAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = progress is null ? Task.CompletedTask : Watch(store, projections, total, progress, stop.Token);
        try
        {
            await Task.WhenAll(projections.Select(p => daemon.RebuildProjectionAsync(p, _timeout, cancellationToken)));
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }

        progress?.Report(new RebuildProgress(total, total, 0));
        await TableStatistics.Refresh(store, cancellationToken);
    }

    /// <summary>Reads the daemon's progression rows every half second: how far each read model has come.</summary>
    private static async Task Watch(IDocumentStore store, IReadOnlyList<Type> projections, long total, IProgress<RebuildProgress> progress, CancellationToken stop)
    {
        var names = ((DocumentStore)store).Options.Projections.All.OfType<ProjectionBase>()
            .Where(p => projections.Contains(p.GetType())).Select(p => p.Name + ":All").ToArray();
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_progressEvery, stop);
                var reached = await Scalar(store, $"select coalesce(sum(least(last_seq_id, {total})), 0) from {LedgerStore.Schema}.mt_event_progression where name = any($1)", names, stop);
                var done = reached / Math.Max(1, names.Length);
                progress.Report(new RebuildProgress(done, total, done / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<long> Scalar(IDocumentStore store, string sql, string[]? names, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        await using var command = new Npgsql.NpgsqlCommand(sql);
        if (names is not null)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = names });
        }

        await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}

using System.Collections.Concurrent;
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
        var total = await Scalar(store, $"select coalesce(max(seq_id), 0) from {LedgerStore.Schema}.mt_events", cancellationToken);
        var clock = Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var names = ((DocumentStore)store).Options.Projections.All.OfType<ProjectionBase>()
            .Where(p => projections.Contains(p.GetType())).Select(p => p.Name + ":All").ToHashSet(StringComparer.Ordinal);
        using var watching = progress is null ? null : daemon.Tracker.Subscribe(new Watcher(names, total, progress));
        await Task.WhenAll(projections.Select(p => daemon.RebuildProjectionAsync(p, _timeout, cancellationToken)));
        progress?.Report(new RebuildProgress(total, total, total / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
        await TableStatistics.Refresh(store, cancellationToken);
    }

    /// <summary>Follows the daemon's shards as they page through the log; reports their average position at most
    /// every half second.</summary>
    private sealed class Watcher(IReadOnlySet<string> shards, long total, IProgress<RebuildProgress> progress) : IObserver<ShardState>
    {
        private readonly ConcurrentDictionary<string, long> _reached = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _reportedAt = long.MinValue;

        public void OnNext(ShardState value)
        {
            if (!shards.Contains(value.ShardName))
            {
                return;
            }

            _reached.AddOrUpdate(value.ShardName, Math.Min(value.Sequence, total), (_, before) => Math.Max(before, Math.Min(value.Sequence, total)));
            var now = _clock.ElapsedMilliseconds;
            var last = Interlocked.Read(ref _reportedAt);
            if (now - last >= _progressEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _reportedAt, now, last) == last)
            {
                var done = _reached.Values.Sum() / shards.Count;
                progress.Report(new RebuildProgress(done, total, done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001)));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private static async Task<long> Scalar(IDocumentStore store, string sql, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        await using var command = new Npgsql.NpgsqlCommand(sql);
        await using var reader = await session.ExecuteReaderAsync(command, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}

using System.Diagnostics;
using CommsLedger.Projections.Rebuilding;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Storage;

/// <summary>How far a rebuild of the read models has come: <paramref name="Done"/> of <paramref name="Total"/> events
/// read and folded, at <paramref name="EventsPerSecond"/> so far, and the <paramref name="Step"/> it is at; the last
/// report (<see cref="RebuildStep.Done"/>) comes once everything is written.</summary>
public sealed record RebuildProgress(long Done, long Total, double EventsPerSecond, RebuildStep Step = RebuildStep.Reading);

public enum RebuildStep
{
    Reading,
    Writing,
    Done,
}

/// <summary>
/// Every read model rebuilt from event zero in one pass over the log, without Marten's daemon (which pages through the
/// log once per read model, loading and rewriting documents a page at a time): the log's statistics refreshed first (right
/// after a bulk COPY PostgreSQL has none), the read models emptied, every event read once in sequence order by one streamed
/// statement and folded in memory by the projections' own code (<see cref="AllReadModels"/>), then the documents, the
/// relationship positions and the search rows written by binary COPY side by side, and their statistics refreshed.
/// Everything is held in memory until written (README, "Issue 11", gives the cost).
/// </summary>
public static class ReadModelRebuild
{
    private static readonly TimeSpan _progressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly string[] _log = [$"{LedgerStore.Schema}.mt_events", $"{LedgerStore.Schema}.mt_streams"];

    public static async Task All(IDocumentStore store, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await TableStatistics.Refresh(store, _log, cancellationToken);
        var tables = await ReadModelTables.All(store, cancellationToken);
        var total = await ReadModelTables.Clear(store, tables, cancellationToken);
        var models = new AllReadModels();
        var read = 0L;
        var reported = TimeSpan.Zero;
        await foreach (var e in Log(store, cancellationToken))
        {
            models.Apply(e);
            if (++read % 1_000 == 0 && clock.Elapsed - reported >= _progressEvery)
            {
                reported = clock.Elapsed;
                progress?.Report(new RebuildProgress(read, total, read / clock.Elapsed.TotalSeconds));
            }
        }

        progress?.Report(new RebuildProgress(read, total, read / clock.Elapsed.TotalSeconds, RebuildStep.Writing));
        await Task.WhenAll(ReadModelTables.Write(store, models, cancellationToken), SearchIndexCopy.Write(store, models.Search, cancellationToken));
        await TableStatistics.Refresh(store, tables, cancellationToken);
        progress?.Report(new RebuildProgress(total, total, total / Math.Max(clock.Elapsed.TotalSeconds, 0.001), RebuildStep.Done));
    }

    private static async IAsyncEnumerable<IEvent> Log(IDocumentStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select {StoredEventRows.Columns} from {LedgerStore.Schema}.mt_events where is_archived = false order by seq_id", connection);
        await foreach (var e in StoredEventRows.Read(store, command, cancellationToken))
        {
            yield return e;
        }
    }
}

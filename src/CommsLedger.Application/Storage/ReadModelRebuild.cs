using System.Diagnostics;
using System.Threading.Channels;
using CommsLedger.Projections.Rebuilding;
using CommsLedger.Projections.Search;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Storage;

/// <summary>How far a rebuild of the read models has come: <paramref name="Done"/> of <paramref name="Total"/> events
/// read and folded, at <paramref name="EventsPerSecond"/> so far; the last report comes once everything is written.</summary>
public sealed record RebuildProgress(long Done, long Total, double EventsPerSecond);

/// <summary>
/// Every read model rebuilt from event zero in one pass over the log, without Marten's daemon (which pages through
/// the log once per read model, loading and rewriting documents a page at a time): statistics refreshed first, the
/// read models emptied, every event read once in sequence order by one streamed statement and folded in memory by
/// the projections' own code (<see cref="AllReadModels"/>) while a second connection runs the search projection's own
/// statements in large batches; then the documents are written by binary COPY and the statistics refreshed again. Every document is held in memory until written (README,
/// "Issue 11", gives the cost).
/// </summary>
public static class ReadModelRebuild
{
    private const int SearchStatementsPerBatch = 2_000;
    private const int EventsAhead = 50_000;
    private static readonly TimeSpan _progressEvery = TimeSpan.FromMilliseconds(500);

    public static async Task All(IDocumentStore store, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await TableStatistics.Refresh(store, cancellationToken);
        var clock = Stopwatch.StartNew();
        var total = await ReadModelTables.Clear(store, cancellationToken);
        var models = new AllReadModels();
        var search = Channel.CreateBounded<IEvent>(new BoundedChannelOptions(EventsAhead) { SingleReader = true, SingleWriter = true });
        var searching = Index(store, search.Reader, cancellationToken);
        _ = searching.ContinueWith(t => search.Writer.TryComplete(t.Exception), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var read = 0L;
        var reported = TimeSpan.Zero;
        try
        {
            await foreach (var e in Log(store, cancellationToken))
            {
                models.Apply(e);
                await search.Writer.WriteAsync(e, cancellationToken);
                if (++read % 1_000 == 0 && clock.Elapsed - reported >= _progressEvery)
                {
                    reported = clock.Elapsed;
                    progress?.Report(new RebuildProgress(read, total, read / clock.Elapsed.TotalSeconds));
                }
            }
        }
        finally
        {
            search.Writer.TryComplete();
        }

        await Task.WhenAll(ReadModelTables.Write(store, models, cancellationToken), searching);
        progress?.Report(new RebuildProgress(total, total, total / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
        await TableStatistics.Refresh(store, cancellationToken);
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

    /// <summary>The search index, by the projection's own statements: each depends on the rows the ones before it wrote,
    /// so they run in order, on a connection of their own while the other read models fold.</summary>
    private static async Task Index(IDocumentStore store, ChannelReader<IEvent> events, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var batch = new SearchIndexBatch(connection, SearchStatementsPerBatch);
        const string table = $"{LedgerStore.Schema}.{SearchEntriesTable.Name}";
        await foreach (var e in events.ReadAllAsync(cancellationToken))
        {
            await batch.Add(SearchIndexSql.For(e, table), cancellationToken);
        }

        await batch.Flush(cancellationToken);
    }
}

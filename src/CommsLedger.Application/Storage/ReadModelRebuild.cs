using System.Diagnostics;
using System.Threading.Channels;
using CommsLedger.Projections.Rebuilding;
using CommsLedger.Projections.Search;
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
/// log once per read model, loading and rewriting documents a page at a time): the log's statistics refreshed first
/// (right after a bulk COPY PostgreSQL has none), the read models emptied, every event read once in sequence order by
/// one streamed statement and folded in memory by the projections' own code — the documents (<see cref="AllReadModels"/>)
/// and the search index (<see cref="SearchIndexRows"/>) on threads of their own, each written by binary COPY as soon
/// as its fold is done — and the read models' statistics refreshed. Everything is held in memory until written
/// (README, "Issue 11", gives the cost).
/// </summary>
public static class ReadModelRebuild
{
    private const int EventsAhead = 20_000;
    private static readonly TimeSpan _progressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly string[] _log = [$"{LedgerStore.Schema}.mt_events", $"{LedgerStore.Schema}.mt_streams"];

    public static async Task All(IDocumentStore store, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await TableStatistics.Refresh(store, _log, cancellationToken);
        var tables = await ReadModelTables.All(store, cancellationToken);
        var total = await ReadModelTables.Clear(store, tables, cancellationToken);
        var models = new AllReadModels();
        var search = new SearchIndexRows();
        var (documents, searchEvents) = (Events(), Events());
        var writing = Task.WhenAll(
            Consume(documents, models.Apply, () => ReadModelTables.Write(store, models, cancellationToken), cancellationToken),
            Consume(searchEvents, search.Apply, () => SearchIndexCopy.Write(store, search, cancellationToken), cancellationToken));
        var read = 0L;
        var reported = TimeSpan.Zero;
        try
        {
            await foreach (var e in Log(store, cancellationToken))
            {
                await documents.Writer.WriteAsync(e, cancellationToken);
                await searchEvents.Writer.WriteAsync(e, cancellationToken);
                if (++read % 1_000 == 0 && clock.Elapsed - reported >= _progressEvery)
                {
                    reported = clock.Elapsed;
                    progress?.Report(new RebuildProgress(read, total, read / clock.Elapsed.TotalSeconds));
                }
            }
        }
        finally
        {
            documents.Writer.TryComplete();
            searchEvents.Writer.TryComplete();
        }

        progress?.Report(new RebuildProgress(read, total, read / clock.Elapsed.TotalSeconds, RebuildStep.Writing));
        await writing;
        await TableStatistics.Refresh(store, tables, cancellationToken);
        progress?.Report(new RebuildProgress(total, total, total / Math.Max(clock.Elapsed.TotalSeconds, 0.001), RebuildStep.Done));
    }

    private static Channel<IEvent> Events() =>
        Channel.CreateBounded<IEvent>(new BoundedChannelOptions(EventsAhead) { SingleReader = true, SingleWriter = true });

    /// <summary>Folds the events on a thread of its own, then writes what it folded. If the fold fails its channel is
    /// closed with the failure, so the reader stops too.</summary>
    private static Task Consume(Channel<IEvent> events, Action<IEvent> apply, Func<Task> write, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        try
        {
            await foreach (var e in events.Reader.ReadAllAsync(cancellationToken))
            {
                apply(e);
            }
        }
        catch (Exception failure)
        {
            events.Writer.TryComplete(failure);
            throw;
        }

        await write();
    }, cancellationToken);

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

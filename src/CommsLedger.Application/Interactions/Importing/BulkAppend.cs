using Marten;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>
/// The bulk path (<c>--bulk</c>): PostgreSQL COPY of whole new streams through Marten's
/// <c>BulkInsertEventsAsync</c>, one transaction per batch. COPY skips the inline projections and the stream
/// version checks, so each batch first drops the interactions already in the ledger, and every read model is
/// rebuilt from event zero once the import is in. The events still carry user name, correlation and causation id
/// (copied from the session the pipeline stamped) and the classification header.
/// </summary>
internal static class BulkAppend
{
    private const int _copyBatchRows = 10_000;

    public static async Task<(int Interactions, long Events)> Batch(IDocumentSession session, IReadOnlyList<ImportLine> lines, Domain.Shared.Classification clearance, CancellationToken cancellationToken)
    {
        var fresh = await ImportStreams.Fresh(session, lines, clearance, cancellationToken);
        if (fresh.Length == 0)
        {
            return (0, 0);
        }

        // The session only builds the stream actions (event wrappers, aggregate types); COPY writes them, so it also
        // copies the metadata a save would have applied.
        var streams = fresh.SelectMany(l => ImportStreams.Start(session, l)).ToArray();
        foreach (var e in streams.SelectMany(s => s.Events))
        {
            e.UserName = session.LastModifiedBy;
            e.CorrelationId = session.CorrelationId;
            e.CausationId = session.CausationId;
        }

        session.EjectAllPendingChanges();
        await session.DocumentStore.BulkInsertEventsAsync(streams, _copyBatchRows, cancellationToken);
        return (fresh.Length, streams.Sum(s => (long)s.Events.Count));
    }

    /// <summary>Every read model rebuilt from event zero (<see cref="Storage.ReadModelRebuild"/>: statistics first,
    /// side by side), its progress reported in events.</summary>
    public static Task RebuildProjections(IDocumentStore store, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        Storage.ReadModelRebuild.All(store, progress is null ? null : new Progress(progress), cancellationToken);

    private sealed class Progress(IProgress<ImportProgress> import) : IProgress<Storage.RebuildProgress>
    {
        public void Report(Storage.RebuildProgress value) =>
            import.Report(new ImportProgress(ImportPhase.Rebuilding, value.Done, value.Total, value.EventsPerSecond));
    }
}

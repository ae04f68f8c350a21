using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;
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
    private static readonly TimeSpan _rebuildTimeout = TimeSpan.FromHours(2);

    /// <summary>The inline projections, all rebuilt after a bulk append.</summary>
    private static readonly IReadOnlyList<Type> _projections = Projections.LedgerProjections.ProjectionTypes;

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

    public static async Task RebuildProjections(IDocumentStore store, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        progress?.Report(new ImportProgress(ImportPhase.Rebuilding, 0, _projections.Count));
        for (var i = 0; i < _projections.Count; i++)
        {
            await daemon.RebuildProjectionAsync(_projections[i], _rebuildTimeout, cancellationToken);
            progress?.Report(new ImportProgress(ImportPhase.Rebuilding, i + 1, _projections.Count));
        }
    }
}

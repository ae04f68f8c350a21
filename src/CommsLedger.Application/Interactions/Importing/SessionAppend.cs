using Marten;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>
/// The default path: a normal Marten session per batch, so the inline projections run in the append transaction
/// exactly as for <c>LogInteraction</c> (read-your-writes, no rebuild), with the session's user, correlation and
/// causation id on every event. Like <c>StreamWriter</c>, it holds the advisory lock of every relationship the
/// batch touches (in key order) so recorders writing meanwhile cannot overwrite the same relationship ledger.
/// </summary>
internal static class SessionAppend
{
    public static async Task<(int Interactions, long Events)> Batch(IDocumentSession session, IReadOnlyList<ImportLine> lines, Domain.Shared.Classification clearance, CancellationToken cancellationToken)
    {
        var fresh = await ImportStreams.Fresh(session, lines, clearance, cancellationToken);
        if (fresh.Length == 0)
        {
            return (0, 0);
        }

        var events = fresh.SelectMany(l => ImportStreams.Start(session, l)).ToArray().Sum(s => (long)s.Events.Count);
        await Storage.AdvisoryLocks.LockRelationships(session, fresh.SelectMany(l => Storage.AdvisoryLocks.RelationshipsOf(l.Decision)), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return (fresh.Length, events);
    }
}

using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>
/// Marten's bulk path for imports: PostgreSQL COPY of whole new streams, one transaction per batch. It skips the
/// inline projections and the stream version checks, so the batch first drops the interactions already in the
/// ledger (one query per batch), and the projections are rebuilt from event zero once the import is in.
/// The events carry what the normal path stamps on them: user name, correlation and causation id, and the
/// classification header.
/// </summary>
internal static class BulkAppend
{
    private const int CopyBatchRows = 10_000;
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromHours(1);

    /// <summary>The inline projections registered in <c>LedgerProjections</c>, all rebuilt after a bulk append.</summary>
    private static readonly Type[] Projections =
        [typeof(InteractionRecordProjection), typeof(PledgeRegisterProjection), typeof(FollowUpQueueProjection), typeof(RelationshipLedgerProjection)];

    /// <summary>Creates the event tables in a new database: the existence query reads them before any append would.</summary>
    public static Task Prepare(IDocumentStore store) =>
        store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public static async Task<(int Interactions, long Events)> Batch(IDocumentSession session, IReadOnlyList<ImportLine> lines, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.Change.InteractionId).ToArray();
        var existing = (await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {LedgerStore.Schema}.mt_streams where id = any(?)", cancellationToken, ids)).ToHashSet();
        var fresh = lines.Where(l => !existing.Contains(l.Change.InteractionId)).ToArray();
        if (fresh.Length == 0)
        {
            return (0, 0);
        }

        // The session only builds the stream actions (event wrappers, aggregate types); the bulk insert writes them.
        var streams = new List<StreamAction>();
        foreach (var change in fresh.Select(l => l.Change))
        {
            var logged = (InteractionLogged)change.Events[0];
            streams.Add(Stamped(session, session.Events.StartStream<Interaction>(change.InteractionId, change.Events), logged.Classification));
            foreach (var pledge in change.NewPledges)
            {
                var made = (PledgeMade)pledge.Events[0];
                streams.Add(Stamped(session, session.Events.StartStream<Pledge>(pledge.PledgeId, pledge.Events), made.Classification));
            }
        }

        session.EjectAllPendingChanges();
        await session.DocumentStore.BulkInsertEventsAsync(streams, CopyBatchRows, cancellationToken);
        return (fresh.Length, streams.Sum(s => s.Events.Count));
    }

    public static async Task RebuildProjections(IDocumentStore store, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        progress?.Report(new ImportProgress(ImportPhase.Rebuilding, 0, Projections.Length));
        for (var i = 0; i < Projections.Length; i++)
        {
            await daemon.RebuildProjectionAsync(Projections[i], RebuildTimeout, cancellationToken);
            progress?.Report(new ImportProgress(ImportPhase.Rebuilding, i + 1, Projections.Length));
        }
    }

    /// <summary>As <c>StreamWriter</c> stamps a normal append: the session's user and ids, and each event's own
    /// classification, never below its stream's.</summary>
    private static StreamAction Stamped(IDocumentSession session, StreamAction stream, Classification floor)
    {
        foreach (var e in stream.Events)
        {
            e.UserName = session.LastModifiedBy;
            e.CorrelationId = session.CorrelationId;
            e.CausationId = session.CausationId;
            var own = StoredEventNames.ClassificationOf(e.Data);
            e.SetHeader(LedgerStore.ClassificationHeader, (own > floor ? own : floor).Display());
        }

        return stream;
    }
}

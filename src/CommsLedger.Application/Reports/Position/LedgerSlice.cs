using CommsLedger.Application.Clearance;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Storage;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;
using Marten;
using Marten.Linq;

namespace CommsLedger.Application.Reports.Position;

/// <summary>The events a report is built from: those up to its position that its reader may see, in ledger order.
/// Every report replays them through the live projections' own <c>Evolve</c> (<see cref="LedgerReplay"/>), now as
/// much as at an earlier position, so a report rebuilt at the same position is the same report.</summary>
internal sealed class LedgerSlice
{
    private LedgerSlice(IReadOnlyList<IEvent> events, LedgerPosition position)
    {
        Events = events;
        Position = position;
    }

    public IReadOnlyList<IEvent> Events { get; }

    public LedgerPosition Position { get; }

    /// <param name="streams">The streams to read; null for the whole ledger.</param>
    public static async Task<LedgerSlice> Load(IQuerySession session, IDocumentStore store, IReadOnlyList<Guid>? streams, ReportAt at, Classification clearance, CancellationToken cancellationToken)
    {
        var raw = streams is { Count: 0 } ? [] : await Query(session, streams, at).ToListAsync(cancellationToken);
        var events = Cleared(raw, clearance).ToArray();
        var last = events.Length == 0 ? 0 : events[^1].Sequence;
        return new LedgerSlice(events, new LedgerPosition(last, last == 0 ? null : await CheckpointCovering(store, last, cancellationToken)));
    }

    public RelationshipLedger Relationship(string key, Classification clearance) =>
        LedgerReplay.Relationship(key, Events).Within(clearance);

    /// <summary>Every pledge whose stream is in the slice, as its register stood at the position.</summary>
    public IReadOnlyList<PledgeRegister> Pledges() =>
        [.. Events.GroupBy(e => e.StreamId).Select(LedgerReplay.Pledge).OfType<PledgeRegister>()];

    private static IQueryable<IEvent> Query(IQuerySession session, IReadOnlyList<Guid>? streams, ReportAt at)
    {
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        if (streams is not null)
        {
            var ids = streams.ToArray();
            query = query.Where(e => e.StreamId.IsOneOf(ids));
        }

        if (at.Sequence is { } sequence)
        {
            query = query.Where(e => e.Sequence <= sequence);
        }

        if (at.KnownAt is { } knownAt)
        {
            query = query.Where(e => e.Timestamp <= knownAt);
        }

        return query.OrderBy(e => e.Sequence);
    }

    /// <summary>The events the reader may see. A stream whose first event they may not see is left out whole, so
    /// nothing of a hidden entry can surface through a later, lower-marked event.</summary>
    private static IEnumerable<IEvent> Cleared(IEnumerable<IEvent> events, Classification clearance)
    {
        var hidden = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (hidden.Contains(e.StreamId))
            {
                continue;
            }

            if (clearance.Sees(Visibility.MarkingOf(e)))
            {
                yield return e;
            }
            else if (e.Version == 1)
            {
                hidden.Add(e.StreamId);
            }
        }
    }

    private static async Task<CheckpointReference?> CheckpointCovering(IDocumentStore store, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var checkpoint = await StoredCheckpoints.FirstCoveringAsync(connection, new LedgerSchema(LedgerStore.Schema), sequence, cancellationToken);
        return checkpoint is null ? null : new CheckpointReference(checkpoint.TreeSize, checkpoint.RootHash.ToString(), checkpoint.KeyId, checkpoint.Time);
    }
}

using CommsLedger.Application.Clearance;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Storage;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Linq;

namespace CommsLedger.Application.Reports.Position;

/// <summary>The events a report is built from: those up to its position that its reader may see, in ledger order.
/// Every report replays them through the live projections' own <c>Evolve</c> (<see cref="LedgerReplay"/>,
/// <see cref="Replayed"/>), now as much as at an earlier position, so a report rebuilt at the same position is the same
/// report. A report reads only the streams and event types it needs; its position is the last event it read.</summary>
internal sealed class LedgerSlice
{
    private const int PageSize = 10_000;

    private LedgerSlice(IReadOnlyList<IEvent> events, LedgerPosition position)
    {
        Events = events;
        Position = position;
    }

    public IReadOnlyList<IEvent> Events { get; }

    public LedgerPosition Position { get; }

    /// <param name="streams">The streams to read; null for the whole ledger.</param>
    /// <param name="types">The event types to read; null for every type.</param>
    public static async Task<LedgerSlice> Load(IQuerySession session, IDocumentStore store, IReadOnlyList<Guid>? streams, ReportAt at, Classification clearance,
        CancellationToken cancellationToken, IReadOnlyList<Type>? types = null, IProgress<ReportProgress>? progress = null)
    {
        var events = new List<IEvent>();
        var position = await Fold(session, store, new SliceFilter(streams, types), at, clearance, events.Add, progress, cancellationToken);
        return new LedgerSlice(events, position);
    }

    /// <summary>Streams the slice's events through <paramref name="apply"/> without holding them, for reports over
    /// the whole ledger; returns the position of the last one.</summary>
    public static async Task<LedgerPosition> Fold(IQuerySession session, IDocumentStore store, SliceFilter filter, ReportAt at, Classification clearance,
        Action<IEvent> apply, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        if (filter.Streams is { Count: 0 })
        {
            return new LedgerPosition(0, null);
        }

        var total = progress is null ? 0 : await Query(session, filter, at).CountAsync(cancellationToken);
        progress?.Report(new ReportProgress(0, total));
        var (read, last, after) = (0L, 0L, 0L);
        var cleared = new ClearedStreams(clearance);
        while (true)
        {
            // Pages in sequence order: the events are never all held at once, and each page is read as one list
            // (Marten's per-row streaming was several times slower).
            var from = after;
            var page = await Query(session, filter, at).Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var e in page)
            {
                if (cleared.Admits(e))
                {
                    apply(e);
                    last = e.Sequence;
                }
            }

            read += page.Count;
            progress?.Report(new ReportProgress(read, total));
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        progress?.Report(new ReportProgress(read, Math.Max(read, total)));
        return new LedgerPosition(last, last == 0 ? null : await CheckpointCovering(store, last, cancellationToken));
    }

    /// <summary>A relationship's ledger and current rows at the position, every marking (the reader's are chosen after).</summary>
    public RelationshipDocuments Relationship(string key) => LedgerReplay.Relationship(key, Events);

    /// <summary>Every pledge whose stream is in the slice, as its register stood at the position.</summary>
    public IReadOnlyList<PledgeRegister> Pledges() =>
        [.. Events.GroupBy(e => e.StreamId).Select(LedgerReplay.Pledge).OfType<PledgeRegister>()];

    private static IQueryable<IEvent> Query(IQuerySession session, SliceFilter filter, ReportAt at)
    {
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        if (filter.Streams is { } streams)
        {
            var ids = streams.ToArray();
            query = query.Where(e => e.StreamId.IsOneOf(ids));
        }

        if (filter.Types is { } types)
        {
            var chosen = types.ToArray();
            query = query.Where(e => e.EventTypesAre(chosen));
        }

        if (at.Sequence is { } sequence)
        {
            query = query.Where(e => e.Sequence <= sequence);
        }

        if (at.KnownAt is { } knownAt)
        {
            query = query.Where(e => e.Timestamp <= knownAt);
        }

        return query;
    }

    private static async Task<CheckpointReference?> CheckpointCovering(IDocumentStore store, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var checkpoint = await StoredCheckpoints.FirstCoveringAsync(connection, new LedgerSchema(LedgerStore.Schema), sequence, cancellationToken);
        return checkpoint is null ? null : new CheckpointReference(checkpoint.TreeSize, checkpoint.RootHash.ToString(), checkpoint.KeyId, checkpoint.Time);
    }

    /// <summary>The events the reader may see. A stream whose first event they may not see is left out whole, so
    /// nothing of a hidden entry can surface through a later, lower-marked event. (A slice without first events,
    /// e.g. of follow-up events only, relies on each event's own marking, never below its entry's.)</summary>
    private sealed class ClearedStreams(Classification clearance)
    {
        private readonly HashSet<Guid> _hidden = [];

        public bool Admits(IEvent e)
        {
            if (_hidden.Contains(e.StreamId))
            {
                return false;
            }

            if (clearance.Sees(Visibility.MarkingOf(e)))
            {
                return true;
            }

            if (e.Version == 1)
            {
                _hidden.Add(e.StreamId);
            }

            return false;
        }
    }
}

/// <summary>Which streams (null: all) and event types (null: all) a report reads.</summary>
internal sealed record SliceFilter(IReadOnlyList<Guid>? Streams, IReadOnlyList<Type>? Types);

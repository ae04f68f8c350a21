using CommsLedger.Application.Clearance;
using CommsLedger.Application.History;
using CommsLedger.Application.History.Checkpoints;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;

namespace CommsLedger.Application.Relationships;

/// <summary>
/// One relationship as one reader reads it at one moment. Now: the stored ledger and the current rows. As known at an
/// instant: the ledger at the position of the latest event recorded by then (a checkpoint and at most
/// <see cref="RelationshipFold.CheckpointEvery"/> events through the fold) and the row versions valid at that position —
/// the same indexed queries as now. As occurred by a date, which can drop any event: a replay of the relationship's
/// events in memory, its rows paged there alike. Rows above the reader's clearance are left out before anything is
/// counted or paged.
/// </summary>
internal sealed class RelationshipReading
{
    private readonly StoredRows _stored;
    private readonly RelationshipDocuments? _replayed;

    private RelationshipReading(RelationshipLedger ledger, StoredRows stored, RelationshipDocuments? replayed)
    {
        Ledger = ledger;
        _stored = stored;
        _replayed = replayed;
    }

    public RelationshipLedger Ledger { get; }

    public string Key => Ledger.Id;

    public Classification Clearance => _stored.Clearance;

    public static string CheckedKey(string key) =>
        RelationshipKey.Parse(key, out var problem) ?? throw new CommandRejected([new FieldError("relationship", problem!)]);

    public static async Task<RelationshipReading> Open(IQuerySession session, string key, AsOf? asOf, Classification clearance, CancellationToken cancellationToken)
    {
        key = CheckedKey(key);
        await StoredRows.EnsureTables(session, cancellationToken);
        switch (asOf ?? AsOf.Now)
        {
            case { IsNow: true }:
                var now = await session.LoadAsync<RelationshipLedger>(key, cancellationToken) ?? new RelationshipLedger { Id = key };
                return new(now, new StoredRows(session, key, null, clearance), null);
            case { KnownAt: { } knownAt, OccurredBy: null }:
                var position = await LedgerEvents.PositionAt(session, key, knownAt, cancellationToken);
                var then = await RelationshipCheckpoints.LedgerAt(session, key, position, cancellationToken);
                return new(then, new StoredRows(session, key, position, clearance), null);
            case var other:
                var until = other.KnownAt is { } at ? await LedgerEvents.PositionAt(session, key, at, cancellationToken) : (long?)null;
                var events = await LedgerEvents.OfRelationship(session, key, 0, until, cancellationToken);
                var replayed = LedgerReplay.Relationship(key, LedgerReplay.Visible(events, other));
                return new(replayed.Ledger(key), new StoredRows(session, key, null, clearance), replayed);
        }
    }

    public async Task<Page<T>> Page<T>(RowOrder<T> order, PageRequest page, CancellationToken cancellationToken, Func<T, bool>? keep = null, string? filter = null, params object[] filterArgs)
        where T : RelationshipRow
    {
        if (_replayed is null)
        {
            return await _stored.Page(order, page, cancellationToken, filter, filterArgs);
        }

        var rows = order.Sort(Visible<T>().Where(r => keep?.Invoke(r) ?? true));
        return page.Cut([.. (page.After is { } after ? rows.Where(r => order.IsAfter(r, after)) : rows).Take(page.Limit + 1)], order.CursorOf);
    }

    public async Task<RowFacts> Facts(DateOnly today, CancellationToken cancellationToken)
    {
        if (_replayed is null)
        {
            var facts = await StoredRows.Facts(_stored.Session, [Key], _stored.Position, Clearance, today, cancellationToken);
            return facts.GetValueOrDefault(Key) ?? new RowFacts(Key, null, null, 0);
        }

        var contacts = Visible<ContactRow>().Select(c => c.OccurredOn).ToArray();
        return new RowFacts(Key, contacts.Length == 0 ? null : contacts.Min(), contacts.Length == 0 ? null : contacts.Max(),
            Visible<FollowUpRow>().Count(f => f.Due < today));
    }

    private IEnumerable<T> Visible<T>()
        where T : RelationshipRow => _replayed!.Current<T>().Where(r => r.Key == Key && Clearance.Sees(r.Classification));
}

using CommsLedger.Application.Storage;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;
using Marten;
using Marten.Linq;

namespace CommsLedger.Application.History;

/// <summary>Reads the raw events behind a relationship or a stream, in global order, up to a recorded time.</summary>
internal static class LedgerEvents
{
    private const string Positions = $"{LedgerStore.Schema}.{RelationshipEventsTable.Name}";

    /// <summary>Every stream that ever touched the relationship: the entries of its contact and pledge rows, every
    /// version (retracted ones too), read through the index on the relationship key.</summary>
    public static async Task<IReadOnlyList<Guid>> StreamsOf(IQuerySession session, string key, CancellationToken cancellationToken)
    {
        var interactions = await session.Query<ContactRow>().Where(r => r.Key == key).Select(r => r.EntryId).Distinct().ToListAsync(cancellationToken);
        var pledges = await session.Query<PledgeRow>().Where(r => r.Key == key).Select(r => r.EntryId).Distinct().ToListAsync(cancellationToken);
        return [.. interactions, .. pledges];
    }

    public static async Task<IReadOnlyList<IEvent>> Of(IQuerySession session, IReadOnlyList<Guid> streamIds, DateTimeOffset? knownAt, CancellationToken cancellationToken, long after = 0)
    {
        if (streamIds.Count == 0)
        {
            return [];
        }

        var ids = streamIds.ToArray();
        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids) && e.Sequence > after);
        if (knownAt is { } at)
        {
            query = query.Where(e => e.Timestamp <= at);
        }

        return await query.OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>The position in the relationship of its latest event recorded by <paramref name="knownAt"/>; 0 before its first.</summary>
    public static async Task<long> PositionAt(IQuerySession session, string key, DateTimeOffset knownAt, CancellationToken cancellationToken) =>
        (await session.AdvancedSql.QueryAsync<long>(
            $"select position from {Positions} where key = ? and recorded_at <= ? order by recorded_at desc, position desc limit 1",
            cancellationToken, key, knownAt.ToUniversalTime())).FirstOrDefault();

    /// <summary>The relationship's events at positions after <paramref name="after"/> up to <paramref name="until"/>
    /// (null: its latest), in order: an index range on the positions, then primary-key lookups of the events.</summary>
    public static async Task<IReadOnlyList<IEvent>> OfRelationship(IQuerySession session, string key, long after, long? until, CancellationToken cancellationToken)
    {
        var sequences = (await session.AdvancedSql.QueryAsync<long>(
            $"select e.seq_id from {Positions} p join {LedgerStore.Schema}.mt_events e on e.stream_id = p.stream_id and e.version = p.version "
            + "where p.key = ? and p.position > ? and p.position <= ?",
            cancellationToken, key, after, until ?? long.MaxValue)).ToArray();
        return sequences.Length == 0
            ? []
            : await session.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(sequences)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }
}

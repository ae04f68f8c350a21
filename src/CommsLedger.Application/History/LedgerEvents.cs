using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using JasperFx.Events;
using Marten;
using Marten.Linq;

namespace CommsLedger.Application.History;

/// <summary>Reads the raw events behind a relationship or a stream, in global order, up to a recorded time.</summary>
internal static class LedgerEvents
{
    /// <summary>Every stream that ever touched the relationship. A stream's relationships never change (a
    /// correction cannot move a pledge to another pair), so today's read models list them all, retracted ones too.</summary>
    public static async Task<IReadOnlyList<Guid>> StreamsOf(IQuerySession session, string key, CancellationToken cancellationToken)
    {
        var interactions = await session.Query<InteractionRecord>().Where(i => i.Relationships.Contains(key)).Select(i => i.Id).ToListAsync(cancellationToken);
        var pledges = await session.Query<PledgeRegister>().Where(p => p.Relationships.Contains(key)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. interactions, .. pledges];
    }

    public static async Task<int> Count(IQuerySession session, IReadOnlyList<Guid> streamIds, DateTimeOffset knownAt, long after, CancellationToken cancellationToken)
    {
        var ids = streamIds.ToArray();
        return ids.Length == 0
            ? 0
            : await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids) && e.Sequence > after && e.Timestamp <= knownAt).CountAsync(cancellationToken);
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
}

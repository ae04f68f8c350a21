using CommsLedger.Domain.Shared;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks, taken in key order. The order of kinds is fixed too: a writer takes
/// the stream locks of the pledges it reaffirms (their <c>mt_streams</c> rows, in id order, read <c>for update</c> by
/// <c>FetchForExclusiveWriting</c>), then at most one more stream lock, then relationship (and source) locks; a holder
/// of a relationship lock never asks for a stream lock, nor a holder of a stream lock for a pledge's. No cycle, so no
/// deadlock.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Prefixes of the keys: relationship keys and party codes never contain a colon.</summary>
    private const string SourceKey = "source:";
    private const string PartyKey = "party:";

    /// <summary>
    /// Several streams feed one relationship's read model, which inline projections rewrite inside the append
    /// transaction. Stream versions cannot stop two writers to different streams of the same relationship from
    /// overwriting each other's copy of that document, so a writer locks every relationship its events count towards
    /// (<see cref="IRelationshipEvent"/>) before the projections load them; and the source it records, if any, so two
    /// recorders of one source cannot both get in.
    /// </summary>
    public static Task LockRelationships(IDocumentSession session, IEnumerable<string> relationships, CancellationToken cancellationToken, string? source = null) =>
        Take(session, [.. PartyKeys(relationships), .. source is null ? [] : new[] { SourceKey + source }], cancellationToken);

    /// <summary>The relationships a decision's events count towards, on every stream it appends to.</summary>
    public static IEnumerable<string> RelationshipsOf(Decision decision) =>
        decision.AllEvents.OfType<IRelationshipEvent>().SelectMany(e => e.Relationships);

    /// <summary>The lock of a relationship is the locks of its two parties: two writers of one pair share both, so they
    /// still queue, and an interaction of n parties takes n locks rather than one per pair, n(n−1)/2 (all 261 parties
    /// once ran PostgreSQL out of shared memory).</summary>
    private static IEnumerable<string> PartyKeys(IEnumerable<string> relationships) =>
        relationships.SelectMany(key => key.Split('-')).Select(party => PartyKey + party);

    /// <summary>Every key in one round trip: the keys go in sorted and a function scan of the array yields them in
    /// that order, so the locks are still taken one after another in key order.</summary>
    private static async Task Take(IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            return;
        }

        await using var command = session.Connection!.CreateCommand();
        command.CommandText = "select count(pg_advisory_xact_lock(hashtextextended('commsledger:' || key, 0))) from unnest($1::text[]) as key";
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = sorted });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

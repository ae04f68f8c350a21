using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// The Marten plumbing, written once: fetch a stream for writing at the caller's expected version, decide,
/// append, stamp each event's classification header, and save — all or nothing. A stale expected version
/// surfaces as <see cref="VersionConflict"/> with nothing appended.
/// </summary>
public static class StreamWriter
{
    public static async Task<long> Change<TState>(
        this IDocumentSession session,
        Guid streamId,
        long expectedVersion,
        Classification clearance,
        Func<TState, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken,
        Func<TState, IReadOnlyList<NewPledgeStream>>? startsPledges = null)
        where TState : class
    {
        var what = NameOf<TState>();
        IEventStream<TState> stream;
        try
        {
            stream = await session.Events.FetchForWriting<TState>(streamId, expectedVersion, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw await Conflict<TState>(session, what, streamId, expectedVersion, clearance, cancellationToken);
        }

        var state = stream.Aggregate ?? throw new EntryNotFound(what, streamId);
        var classification = ClassificationOf(state);
        if (classification > clearance)
        {
            // Above the actor's clearance the entry does not exist for them: saying "forbidden" would leak it.
            throw new EntryNotFound(what, streamId);
        }

        var events = decide(state);
        stream.AppendMany(events);
        Stamp(session, streamId, classification);
        foreach (var pledge in startsPledges?.Invoke(state) ?? [])
        {
            StartPledge(session, pledge);
        }

        await LockRelationships(session, RelationshipsOf(state), cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw await Conflict<TState>(session, what, streamId, expectedVersion, clearance, cancellationToken);
        }

        return expectedVersion + events.Count;
    }

    public static async Task Start(this IDocumentSession session, InteractionChange change, CancellationToken cancellationToken)
    {
        var logged = (InteractionLogged)change.Events[0];
        session.Events.StartStream<Interaction>(change.InteractionId, change.Events);
        Stamp(session, change.InteractionId, logged.Classification);
        foreach (var pledge in change.NewPledges)
        {
            StartPledge(session, pledge);
        }

        await LockRelationships(session, ((InteractionLogged)change.Events[0]).Relationships, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new AlreadyRecorded(change.InteractionId, logged.Source?.SourceId ?? change.InteractionId.ToString());
        }
    }

    private static void StartPledge(IDocumentSession session, NewPledgeStream pledge)
    {
        var made = (PledgeMade)pledge.Events[0];
        session.Events.StartStream<Pledge>(pledge.PledgeId, pledge.Events);
        Stamp(session, pledge.PledgeId, made.Classification);
    }

    /// <summary>Writes each pending event's classification header: its own marking, never below its stream's.</summary>
    private static void Stamp(IDocumentSession session, Guid streamId, Classification floor) =>
        Stamp(session.PendingChanges.Streams().Where(s => s.Id == streamId).SelectMany(s => s.Events), floor);

    internal static void Stamp(IEnumerable<IEvent> events, Classification floor)
    {
        foreach (var e in events)
        {
            var own = StoredEventNames.ClassificationOf(e.Data);
            e.SetHeader(LedgerStore.ClassificationHeader, (own > floor ? own : floor).Display());
        }
    }

    /// <summary>A failed version check means someone else appended first, or there is no such stream — or none
    /// the actor may know of, which must read exactly like the stream not existing.</summary>
    private static async Task<Exception> Conflict<TState>(IDocumentSession session, string what, Guid streamId, long expected, Classification clearance, CancellationToken cancellationToken)
        where TState : class
    {
        await using var reader = session.DocumentStore.QuerySession();
        var state = await reader.Events.FetchStreamStateAsync(streamId, cancellationToken);
        var current = state is null ? null : await reader.Events.AggregateStreamAsync<TState>(streamId, token: cancellationToken);
        return current is null || ClassificationOf(current) > clearance
            ? new EntryNotFound(what, streamId)
            : new VersionConflict(what, streamId, expected, state!.Version);
    }

    /// <summary>
    /// Several streams feed one relationship's read model, which inline projections rewrite inside the append
    /// transaction. Stream versions cannot stop two writers to different streams of the same relationship from
    /// overwriting each other's copy of that document, so writers take a transaction-scoped advisory lock per
    /// relationship (in key order, so they never deadlock) before the projections load it.
    /// </summary>
    internal static async Task LockRelationships(IDocumentSession session, IEnumerable<string> relationships, CancellationToken cancellationToken)
    {
        var keys = relationships.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        await session.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = session.Connection!.CreateCommand();
            command.CommandText = "select pg_advisory_xact_lock(hashtext('commsledger.relationship:' || $1))";
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = key });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static IReadOnlyList<string> RelationshipsOf<TState>(TState state) => state switch
    {
        Interaction interaction => interaction.Relationships,
        Pledge pledge => pledge.Relationships,
        _ => [],
    };

    private static Classification ClassificationOf<TState>(TState state) => state switch
    {
        Interaction interaction => interaction.Classification,
        Pledge pledge => pledge.Classification,
        _ => Classification.Unclassified,
    };

    private static string NameOf<TState>() => typeof(TState) == typeof(Pledge) ? "pledge" : "interaction";
}

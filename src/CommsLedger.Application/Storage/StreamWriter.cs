using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// The Marten plumbing, written once: fetch a stream for writing at the caller's expected version, decide,
/// append, stamp each event's classification header, and save — all or nothing. The expected version is the
/// version the actor can see (<see cref="StreamVersions"/>); a stale one surfaces as <see cref="VersionConflict"/>
/// with nothing appended.
/// </summary>
public static class StreamWriter
{
    public static Task<long> Change<TState>(
        this IDocumentSession session,
        Guid streamId,
        long expectedVersion,
        Classification clearance,
        Func<TState, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
        where TState : class =>
        session.Change<TState>(streamId, expectedVersion, clearance, state => new InteractionChange(streamId, decide(state), [], []), cancellationToken);

    /// <summary>Lock the stream, fetch it, check the version the actor can see, decide, append and stamp, then save
    /// (or report the conflict). Returns the stream's version after the change, as the actor sees it.</summary>
    public static async Task<long> Change<TState>(
        this IDocumentSession session,
        Guid streamId,
        long expectedVersion,
        Classification clearance,
        Func<TState, InteractionChange> decide,
        CancellationToken cancellationToken)
        where TState : class
    {
        var stream = await LockAndFetch<TState>(session, streamId, cancellationToken);
        var state = RequireVisible(stream, clearance);
        RequireVersion(stream, clearance, expectedVersion);
        var change = decide(VisibleTo(state, clearance));
        stream.AppendMany(change.Events);
        Stamp(session, streamId, ClassificationOf(state));
        AppendOthers(session, change);
        await TakeLocks(session, PartyLocks([.. RelationshipsOf(state), .. change.Reaffirmations.SelectMany(r => r.Relationships)]), cancellationToken);
        await SaveOrConflict(session, stream, expectedVersion, clearance, cancellationToken);
        // The actor's own events are all within their clearance, so their version moves by exactly that many.
        return expectedVersion + change.Events.Count;
    }

    /// <summary>Writers of one stream queue on its lock, so each fetches what the one before it committed. Without it, a
    /// write above the actor's clearance landing between their fetch and their save would fail their save although
    /// nothing they can see changed — and the refusal would tell them that something hidden was just written.</summary>
    private static async Task<IEventStream<Tracked<TState>>> LockAndFetch<TState>(IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
        where TState : class
    {
        if (streamId == Guid.Empty)
        {
            throw new EntryNotFound(NameOf<TState>(), streamId);
        }

        await session.BeginTransactionAsync(cancellationToken);
        await TakeLocks(session, [StreamLockKey + streamId.ToString("N")], cancellationToken);
        return await session.Events.FetchForWriting<Tracked<TState>>(streamId, cancellationToken);
    }

    /// <summary>Above the actor's clearance the entry does not exist for them: saying "forbidden" would leak it.</summary>
    private static TState RequireVisible<TState>(IEventStream<Tracked<TState>> stream, Classification clearance)
        where TState : class
    {
        var state = (stream.Aggregate ?? throw new EntryNotFound(NameOf<TState>(), stream.Id)).State;
        var classification = ClassificationOf(state);
        return classification <= clearance ? state : throw EntryNotFound.AboveClearance(NameOf<TState>(), stream.Id, classification, clearance);
    }

    /// <summary>The caller's expected version is the version they can see: events above their clearance do not count.</summary>
    private static void RequireVersion<TState>(IEventStream<Tracked<TState>> stream, Classification clearance, long expectedVersion)
        where TState : class
    {
        var tracked = stream.Aggregate!;
        var fetchedVersion = stream.CurrentVersion ?? 0;
        if (tracked.VersionFor(Classification.TopSecret) != fetchedVersion)
        {
            throw new InvalidOperationException($"{NameOf<TState>()} {stream.Id}: {tracked.VersionFor(Classification.TopSecret)} events counted, version {fetchedVersion}");
        }

        var visibleVersion = tracked.VersionFor(clearance);
        if (visibleVersion != expectedVersion)
        {
            throw new VersionConflict(NameOf<TState>(), stream.Id, expectedVersion, visibleVersion);
        }
    }

    /// <summary>Someone appended between the fetch and the save: report the version this actor would now read.</summary>
    private static async Task SaveOrConflict<TState>(IDocumentSession session, IEventStream<Tracked<TState>> stream, long expectedVersion, Classification clearance, CancellationToken cancellationToken)
        where TState : class
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            await using var reader = session.DocumentStore.QuerySession();
            var now = await reader.Events.AggregateStreamAsync<Tracked<TState>>(stream.Id, token: cancellationToken);
            throw new VersionConflict(NameOf<TState>(), stream.Id, expectedVersion, now?.VersionFor(clearance));
        }
    }

    /// <summary>The pledge streams a change starts, and the existing pledges it reaffirms (read and locked beforehand by
    /// <see cref="LockPledges"/>), each event stamped with its own marking.</summary>
    private static void AppendOthers(IDocumentSession session, InteractionChange change)
    {
        foreach (var pledge in change.NewPledges)
        {
            StartPledge(session, pledge);
        }

        foreach (var reaffirmed in change.Reaffirmations)
        {
            session.Events.Append(reaffirmed.PledgeId, reaffirmed);
            Stamp(session, reaffirmed.PledgeId, reaffirmed.Classification);
        }
    }

    /// <summary>The pledges a command reaffirms, as the actor may see them (one above their clearance is left out, so it
    /// reads as not found), each read under its stream's lock so that it cannot change until the command commits.
    /// These locks come before the lock of the stream the command changes; no writer holding a stream lock asks for a
    /// pledge's, so there is still no cycle.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Pledge>> LockPledges(this IDocumentSession session, IEnumerable<Guid?> pledgeIds, Classification clearance, CancellationToken cancellationToken)
    {
        var ids = pledgeIds.OfType<Guid>().Where(id => id != Guid.Empty).Distinct().Order().ToArray();
        var pledges = new Dictionary<Guid, Pledge>();
        if (ids.Length == 0)
        {
            return pledges;
        }

        await session.BeginTransactionAsync(cancellationToken);
        await TakeLocks(session, ids.Select(id => StreamLockKey + id.ToString("N")), cancellationToken);
        foreach (var id in ids)
        {
            // Fetched for writing, so the session knows the stream's version: the reaffirmation appended to it later
            // gets its real version, and the inline register its real Version (a plain append would leave it 0).
            if ((await session.Events.FetchForWriting<Tracked<Pledge>>(id, cancellationToken)).Aggregate is { State: var pledge }
                && pledge.Classification <= clearance)
            {
                pledges[id] = pledge;
            }
        }

        return pledges;
    }

    /// <summary>Starts an interaction's stream (and its pledges'). A source already recorded at a marking the actor
    /// can see is refused as <see cref="AlreadyRecorded"/>; the check runs under the source's advisory lock, so two
    /// recorders of one source cannot both get in.</summary>
    public static async Task Start(this IDocumentSession session, InteractionChange change, Classification clearance, CancellationToken cancellationToken)
    {
        var logged = (InteractionLogged)change.Events[0];
        session.Events.StartStream<Interaction>(change.InteractionId, change.Events);
        Stamp(session, change.InteractionId, logged.Classification);
        AppendOthers(session, change);
        var source = logged.Source?.SourceId;
        IEnumerable<string> relationships = [.. logged.Relationships, .. change.Reaffirmations.SelectMany(r => r.Relationships)];
        await LockRelationships(session, source is null ? relationships : [.. relationships, SourceLockKey + source], cancellationToken);
        if (source is not null && await ExistingStreams(session, SourceRecords.VisibleIds(source, clearance), cancellationToken) is [var existing, ..])
        {
            throw new AlreadyRecorded(existing, source);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new AlreadyRecorded(change.InteractionId, source ?? change.InteractionId.ToString());
        }
    }

    /// <summary>Prefixes of source and stream ids in the advisory-lock keys: relationship keys never contain a colon.</summary>
    private const string SourceLockKey = "source:";
    private const string StreamLockKey = "stream:";
    private const string PartyLockKey = "party:";

    /// <summary>Which of these streams exist: one query, in the session's transaction.</summary>
    internal static async Task<IReadOnlyList<Guid>> ExistingStreams(IDocumentSession session, Guid[] streamIds, CancellationToken cancellationToken)
    {
        // On a new database the event tables are created by the first append; this query may come before it.
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellationToken);
        return await session.AdvancedSql.QueryAsync<Guid>($"select id from {LedgerStore.Schema}.mt_streams where id = any(?)", cancellationToken, streamIds);
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
            var own = EventCatalogue.ClassificationOf(e.Data);
            e.SetHeader(LedgerStore.ClassificationHeader, (own > floor ? own : floor).Display());
        }
    }

    /// <summary>
    /// Several streams feed one relationship's read model, which inline projections rewrite inside the append
    /// transaction. Stream versions cannot stop two writers to different streams of the same relationship from
    /// overwriting each other's copy of that document, so writers take transaction-scoped advisory locks covering
    /// every relationship they touch (in key order, so they never deadlock) before the projections load it.
    /// </summary>
    internal static async Task LockRelationships(IDocumentSession session, IEnumerable<string> relationships, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await TakeLocks(session, PartyLocks(relationships), cancellationToken);
    }

    /// <summary>The lock of a relationship is the locks of its two parties: two writers of one pair share both, so they
    /// still queue, and an interaction of n parties takes n locks rather than one per pair, n(n−1)/2 (all 261 parties
    /// once ran PostgreSQL out of shared memory). Source keys pass through as they are.</summary>
    private static IEnumerable<string> PartyLocks(IEnumerable<string> keys) =>
        keys.SelectMany(key => key.Contains(':', StringComparison.Ordinal)
            ? [key]
            : key.Split('-').Select(party => PartyLockKey + party));

    /// <summary>Transaction-scoped advisory locks, in key order. A writer takes the locks of the pledges it reaffirms, then
    /// at most one more stream lock, always before any relationship (or source) lock; a holder of a relationship lock
    /// never asks for a stream lock, nor a holder of a stream lock for a pledge's: no cycle, no deadlock.</summary>
    private static async Task TakeLocks(IDocumentSession session, IEnumerable<string> lockKeys, CancellationToken cancellationToken)
    {
        foreach (var key in lockKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await using var command = session.Connection!.CreateCommand();
            command.CommandText = "select pg_advisory_xact_lock(hashtextextended('commsledger:' || $1, 0))";
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

    /// <summary>The state a decision may look at: without the portions above the actor's clearance, so a hidden
    /// statement is "not found" to them, exactly as if it did not exist.</summary>
    private static TState VisibleTo<TState>(TState state, Classification clearance) => state switch
    {
        Interaction interaction => (TState)(object)interaction.Within(clearance),
        _ => state,
    };

    private static string NameOf<TState>() => typeof(TState) == typeof(Pledge) ? "pledge" : "interaction";
}

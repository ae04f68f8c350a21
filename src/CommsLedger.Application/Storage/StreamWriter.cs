using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>
/// The Marten plumbing, written once. A change to an existing stream: lock it, fetch it, check the version the actor
/// can see, decide, append and stamp, save — or report the conflict. All or nothing: a stale version surfaces as
/// <see cref="VersionConflict"/>, a refusal as the decision's exception, and nothing is appended.
/// </summary>
public static class StreamWriter
{
    /// <summary>Returns the stream's version after the change as the actor sees it (the version to send next time),
    /// and the entry the decision names.</summary>
    public static async Task<Changed> Change<TState>(
        this IDocumentSession session,
        Guid streamId,
        long expectedVersion,
        Classification clearance,
        Func<TState, Decision> decide,
        CancellationToken cancellationToken)
        where TState : class, IStreamState<TState>
    {
        var stream = await LockAndFetch<TState>(session, streamId, cancellationToken);
        var state = VisibleState(stream, clearance);
        CheckVisibleVersion(stream, clearance, expectedVersion);
        var decision = decide(state.Within(clearance));
        Append(session, stream, decision, state.Classification);
        await AdvisoryLocks.LockRelationships(session, AdvisoryLocks.RelationshipsOf(decision), cancellationToken);
        await SaveOrConflict(session, stream, expectedVersion, clearance, cancellationToken);
        // The actor's own events are all within their clearance, so their version moves by exactly that many.
        return new Changed(streamId, expectedVersion + decision.Events.Count, decision.EntryId);
    }

    /// <summary>Starts an interaction's stream (and its pledges'). A source already recorded at a marking the actor
    /// can see is refused as <see cref="AlreadyRecorded"/>; the check runs under the source's lock.</summary>
    public static async Task Start(this IDocumentSession session, Decision decision, Classification clearance, CancellationToken cancellationToken)
    {
        var logged = (InteractionLogged)decision.Events[0];
        StartStreams(session, decision);
        var source = logged.Source?.SourceId;
        await AdvisoryLocks.LockRelationships(session, AdvisoryLocks.RelationshipsOf(decision), cancellationToken, source);
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
            throw new AlreadyRecorded(logged.InteractionId, source ?? logged.InteractionId.ToString());
        }
    }

    /// <summary>A new interaction's stream and the other streams its decision appends to, on the session, every event
    /// stamped with its marking. The import appends these itself.</summary>
    internal static IReadOnlyList<StreamAction> StartStreams(IDocumentSession session, Decision decision)
    {
        var logged = (InteractionLogged)decision.Events[0];
        var own = session.Events.StartStream<Interaction>(logged.InteractionId, decision.Events);
        ClassificationHeaders.Stamp(own.Events, logged.Classification);
        return [own, .. AppendOthers(session, decision)];
    }

    /// <summary>Which of these streams exist: one query, in the session's transaction.</summary>
    internal static async Task<IReadOnlyList<Guid>> ExistingStreams(IDocumentSession session, Guid[] streamIds, CancellationToken cancellationToken)
    {
        // On a new database the event tables are created by the first append; this query may come before it.
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellationToken);
        return await session.AdvancedSql.QueryAsync<Guid>($"select id from {LedgerStore.Schema}.mt_streams where id = any(?)", cancellationToken, streamIds);
    }

    /// <summary>The stream's lock and its events in one round trip: <c>FetchForExclusiveWriting</c> reads the stream's
    /// row <c>for update</c> in the same batch as its events, so writers of one stream queue there and each folds what
    /// the one before it committed. Without the lock, a write above the actor's clearance landing between their fetch
    /// and their save would fail their save although nothing they can see changed — and the refusal would tell them
    /// that something hidden was just written. The expected version is still checked when the events are saved.</summary>
    private static async Task<IEventStream<Tracked<TState>>> LockAndFetch<TState>(IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
        where TState : class, IStreamState<TState>
    {
        if (streamId == Guid.Empty)
        {
            throw new EntryNotFound(TState.Noun, streamId);
        }

        return await session.Events.FetchForExclusiveWriting<Tracked<TState>>(streamId, cancellationToken);
    }

    /// <summary>Above the actor's clearance the entry does not exist for them: saying "forbidden" would leak it.</summary>
    private static TState VisibleState<TState>(IEventStream<Tracked<TState>> stream, Classification clearance)
        where TState : class, IStreamState<TState>
    {
        var state = (stream.Aggregate ?? throw new EntryNotFound(TState.Noun, stream.Id)).State;
        return state.Classification <= clearance ? state : throw EntryNotFound.AboveClearance(TState.Noun, stream.Id, state.Classification, clearance);
    }

    /// <summary>The caller's expected version is the version they can see: events above their clearance do not count.</summary>
    private static void CheckVisibleVersion<TState>(IEventStream<Tracked<TState>> stream, Classification clearance, long expectedVersion)
        where TState : class, IStreamState<TState>
    {
        var tracked = stream.Aggregate!;
        var fetchedVersion = stream.CurrentVersion ?? 0;
        if (tracked.VersionFor(Classification.TopSecret) != fetchedVersion)
        {
            throw new InvalidOperationException($"{TState.Noun} {stream.Id}: {tracked.VersionFor(Classification.TopSecret)} events counted, version {fetchedVersion}");
        }

        var visibleVersion = tracked.VersionFor(clearance);
        if (visibleVersion != expectedVersion)
        {
            throw new VersionConflict(TState.Noun, stream.Id, expectedVersion, visibleVersion);
        }
    }

    /// <summary>The decision's events on the fetched stream, marked at least as the stream is, then its other streams'.</summary>
    private static void Append<TState>(IDocumentSession session, IEventStream<Tracked<TState>> stream, Decision decision, Classification marking)
        where TState : class
    {
        stream.AppendMany(decision.Events);
        ClassificationHeaders.Stamp(session.PendingChanges.Streams().Where(s => s.Id == stream.Id).SelectMany(s => s.Events), marking);
        AppendOthers(session, decision);
    }

    /// <summary>A stream the decision starts gets the state type its first event starts; one it extends was read and
    /// locked before deciding (<see cref="ReaffirmedPledges"/>), so the session knows its version.</summary>
    private static StreamAction[] AppendOthers(IDocumentSession session, Decision decision) =>
        [.. decision.Others.Select(other =>
        {
            var action = other.Starts
                ? session.Events.StartStream(StateStartedBy(other.Events[0]), other.StreamId, [.. other.Events])
                : session.Events.Append(other.StreamId, [.. other.Events]);
            ClassificationHeaders.Stamp(action.Events, other.Marking);
            return action;
        })];

    private static Type StateStartedBy(object firstEvent) => firstEvent switch
    {
        PledgeMade => typeof(Pledge),
        InteractionLogged => typeof(Interaction),
        _ => throw new InvalidOperationException($"{firstEvent.GetType().Name} starts no stream"),
    };

    /// <summary>Someone appended between the fetch and the save: report the version this actor would now read.</summary>
    private static async Task SaveOrConflict<TState>(IDocumentSession session, IEventStream<Tracked<TState>> stream, long expectedVersion, Classification clearance, CancellationToken cancellationToken)
        where TState : class, IStreamState<TState>
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            await using var reader = session.DocumentStore.QuerySession();
            var now = await reader.Events.AggregateStreamAsync<Tracked<TState>>(stream.Id, token: cancellationToken);
            throw new VersionConflict(TState.Noun, stream.Id, expectedVersion, now?.VersionFor(clearance));
        }
    }
}

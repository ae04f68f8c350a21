using CommsLedger.Application.Storage;
using CommsLedger.Domain.Access;
using CommsLedger.Domain.Shared;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Access;

/// <summary>The Marten plumbing of users' streams, written once: load, start, and change (fetch for writing, decide,
/// append, mark UNCLASSIFIED, save). Access events carry no marking of their own; the header is written so that readers
/// of the ledger do not take them for TOP SECRET (the reading of an event without one).</summary>
internal static class AccessStreams
{
    public static async Task<UserAccount?> Load(IQuerySession session, string userName, CancellationToken cancellationToken) =>
        await session.Events.AggregateStreamAsync<UserAccount>(UserAccess.StreamIdOf(userName), token: cancellationToken);

    /// <summary>Every user, each folded from their stream: the streams of users are found by their stream type.</summary>
    public static async Task<IReadOnlyList<UserAccount>> All(IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await AllEvents(session, null, cancellationToken);
        return [.. events.GroupBy(e => e.StreamId).Select(s => s.Aggregate((UserAccount?)null, (a, e) => UserAccount.Next(a, s.Key, e))).OfType<UserAccount>()];
    }

    /// <summary>The events of every user's stream (or of one user's), in the order they were recorded.</summary>
    public static async Task<IReadOnlyList<IEvent>> AllEvents(IQuerySession session, string? userName, CancellationToken cancellationToken)
    {
        Guid[] ids = userName is null ? [.. await UserStreamIds(session, cancellationToken)] : [UserAccess.StreamIdOf(userName)];
        return ids.Length == 0
            ? []
            : await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }

    public static async Task Start(IDocumentSession session, UserAdded added, CancellationToken cancellationToken)
    {
        session.Events.StartStream<UserAccount>(UserAccess.StreamIdOf(added.UserName), added);
        Stamp(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new LedgerRuleViolated("name", $"user '{added.UserName}' already exists");
        }
    }

    /// <summary>Decides on the user's current access and appends what changed; returns the events appended.</summary>
    public static async Task<IReadOnlyList<IAccessEvent>> Change(
        IDocumentSession session, string userName, Func<UserAccess, IReadOnlyList<IAccessEvent>> decide, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserAccess.StreamIdOf(userName), cancellationToken);
        var account = stream.Aggregate ?? throw new LedgerRuleViolated("user", $"there is no user '{userName}'");
        var changes = decide(account.Access);
        if (changes.Count == 0)
        {
            return changes;
        }

        stream.AppendMany(changes);
        Stamp(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new VersionConflict("user", stream.Id, stream.StartingVersion ?? 0, null);
        }

        return changes;
    }

    private static void Stamp(IDocumentSession session)
    {
        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events).Where(e => e.Data is IAccessEvent))
        {
            e.SetHeader(LedgerStore.ClassificationHeader, Classification.Unclassified.Display());
        }
    }

    private static async Task<IReadOnlyList<Guid>> UserStreamIds(IQuerySession session, CancellationToken cancellationToken)
    {
        // On a new database the event tables are created by the first append; this query may come before it.
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellationToken);
        var alias = ((Marten.Events.EventGraph)((StoreOptions)session.DocumentStore.Options).Events).AggregateAliasFor(typeof(UserAccount));
        return await session.AdvancedSql.QueryAsync<Guid>($"select id from {LedgerStore.Schema}.mt_streams where type = ?", cancellationToken, alias);
    }
}

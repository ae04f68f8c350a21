using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.History.Checkpoints;

/// <summary>A relationship's ledger as it stood after every event up to <see cref="Sequence"/>: a starting point
/// for "as known at" replays so they read at most <see cref="RelationshipCheckpoints.Every"/> events, not the
/// relationship's whole history. Derived data: deleting every checkpoint only makes time travel slower.</summary>
public sealed class RelationshipCheckpoint
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset MaxRecordedAt { get; set; }
    public RelationshipLedger Ledger { get; set; } = new();
}

internal static class RelationshipCheckpoints
{
    public const int Every = 2000;

    /// <summary>Only events recorded this long ago go into a checkpoint, so a transaction still in flight with a
    /// lower sequence number can never be left out of one.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(1);

    public static void Register(StoreOptions options) =>
        options.Schema.For<RelationshipCheckpoint>().Duplicate(c => c.Key).Duplicate(c => c.Sequence).Duplicate(c => c.MaxRecordedAt);

    /// <summary>The latest checkpoint every event of which was recorded by <paramref name="knownAt"/>.</summary>
    public static async Task<RelationshipCheckpoint?> LatestKnownAt(IQuerySession session, string key, DateTimeOffset knownAt, CancellationToken cancellationToken) =>
        await session.Query<RelationshipCheckpoint>()
            .Where(c => c.Key == key && c.MaxRecordedAt <= knownAt)
            .OrderByDescending(c => c.Sequence)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Folds the settled events after the newest checkpoint and stores a new checkpoint every
    /// <see cref="Every"/> events. Does nothing when fewer than that have accumulated.</summary>
    public static async Task Extend(IDocumentStore store, string key, IReadOnlyList<Guid> streams, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var latest = await session.Query<RelationshipCheckpoint>().Where(c => c.Key == key)
            .OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        var settledBefore = now - Settled;
        var after = latest?.Sequence ?? 0;
        if (await LedgerEvents.Count(session, streams, settledBefore, after, cancellationToken) < Every)
        {
            return;
        }

        var events = await LedgerEvents.Of(session, streams, settledBefore, cancellationToken, after);

        var ledger = latest?.Ledger ?? new RelationshipLedger { Id = key };
        var maxRecordedAt = latest?.MaxRecordedAt ?? DateTimeOffset.MinValue;
        for (var i = 0; i + Every <= events.Count; i += Every)
        {
            var chunk = events.Skip(i).Take(Every).ToArray();
            ledger = LedgerReplay.Continue(ledger, chunk);
            maxRecordedAt = chunk.Max(e => e.Timestamp) > maxRecordedAt ? chunk.Max(e => e.Timestamp) : maxRecordedAt;
            var sequence = chunk[^1].Sequence;
            session.Store(new RelationshipCheckpoint
            {
                Id = $"{key}:{sequence:D19}",
                Key = key,
                Sequence = sequence,
                MaxRecordedAt = maxRecordedAt,
                Ledger = ledger,
            });
            await session.SaveChangesAsync(cancellationToken);
            ledger = (await session.LoadAsync<RelationshipCheckpoint>($"{key}:{sequence:D19}", cancellationToken))!.Ledger;
        }
    }
}

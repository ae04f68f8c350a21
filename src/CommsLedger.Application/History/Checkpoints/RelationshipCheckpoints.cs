using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;

namespace CommsLedger.Application.History.Checkpoints;

/// <summary>A relationship's ledger as it stood after an earlier position of its history: the newest checkpoint at or
/// before it (the projection keeps one every <see cref="RelationshipFold.CheckpointEvery"/> events), and the events
/// after it replayed through the same fold — with the rows they change loaded as they stood at the checkpoint, since
/// the counters follow the rows. At most that many events are read, however long the relationship.</summary>
internal static class RelationshipCheckpoints
{
    /// <summary>The newest checkpoint at or before a position is one probe of this index.</summary>
    public static void Register(StoreOptions options)
    {
        options.Schema.For<RelationshipCheckpoint>().Duplicate(c => c.Key, configure: index => index.Columns = ["key", "position"]).Duplicate(c => c.Position);
    }

    public static async Task<RelationshipLedger> LedgerAt(IQuerySession session, string key, long position, CancellationToken cancellationToken)
    {
        var checkpoint = await session.Query<RelationshipCheckpoint>()
            .Where(c => c.Key == key && c.Position <= position)
            .OrderByDescending(c => c.Position)
            .FirstOrDefaultAsync(cancellationToken);
        var from = checkpoint?.Position ?? 0;
        var documents = new RelationshipDocuments();
        documents.Ledgers[key] = checkpoint?.Ledger ?? new RelationshipLedger { Id = key };
        if (position == from)
        {
            return documents.Ledger(key);
        }

        var tail = await LedgerEvents.OfRelationship(session, key, from, position, cancellationToken);
        var entries = tail.Select(e => RelationshipRow.ChangedBy(e.Data)).OfType<(Type Type, Guid EntryId)>().Select(r => r.EntryId).Distinct().ToArray();
        foreach (var row in await Relationships.StoredRows.ValidAt(session, key, entries, from, cancellationToken))
        {
            documents.Load(row);
        }

        return LedgerReplay.Continue(documents, key, tail).Ledger(key);
    }
}

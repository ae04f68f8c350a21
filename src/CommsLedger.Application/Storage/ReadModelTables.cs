using CommsLedger.Projections;
using CommsLedger.Projections.Rebuilding;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.Search;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace CommsLedger.Application.Storage;

/// <summary>The stored side of a rebuild: every read model's tables emptied, then the folded documents and the
/// relationship event positions written by binary COPY. Nothing goes to <c>mt_event_progression</c>: Marten's daemon,
/// rebuilding these Inline projections, left no progress of theirs there either.</summary>
internal static class ReadModelTables
{
    private const int CopyBatch = 10_000;

    /// <summary>Every table a read model is stored in (qualified names), created if missing.</summary>
    public static async Task<IReadOnlyList<string>> All(IDocumentStore store, CancellationToken cancellationToken)
    {
        var tables = new List<string> { $"{LedgerStore.Schema}.{RelationshipEventsTable.Name}", $"{LedgerStore.Schema}.{SearchEntriesTable.Name}" };
        foreach (var type in LedgerProjections.DocumentTypes)
        {
            await store.Storage.Database.EnsureStorageExistsAsync(type, cancellationToken);
            tables.AddRange(((DocumentStore)store).Options.Storage.FindFeature(type).Objects.OfType<Weasel.Postgresql.Tables.Table>().Select(t => t.Identifier.QualifiedName));
        }

        return tables;
    }

    /// <summary>Empties the tables; returns the sequence of the last event, where the rebuild will stop.</summary>
    public static async Task<long> Clear(IDocumentStore store, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var connection = await Open(store, cancellationToken);
        await using var truncate = new NpgsqlCommand($"truncate {string.Join(", ", tables)}", connection);
        await truncate.ExecuteNonQueryAsync(cancellationToken);
        await using var last = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {LedgerStore.Schema}.mt_events", connection);
        return (long)(await last.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The documents in three COPYs side by side (the two largest read models alone, the rest together), beside
    /// the COPY of the event positions.</summary>
    public static async Task Write(IDocumentStore store, AllReadModels models, CancellationToken cancellationToken)
    {
        var relationships = models.Relationships;
        IEnumerable<object>[] groups =
        [
            models.Interactions.Values,
            models.Pledges.Values,
            models.FollowUps.Values.Concat<object>(relationships.Ledgers.Values).Concat(relationships.Rows.Values.OfType<RelationshipRow>())
                .Concat(relationships.Earlier).Concat(relationships.Checkpoints),
        ];
        await Task.WhenAll(groups.Select(documents => store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, CopyBatch, cancellationToken))
            .Append(Positions(store, relationships.Positions, cancellationToken)));
    }

    private static async Task Positions(IDocumentStore store, IReadOnlyList<RelationshipEventPosition> positions, CancellationToken cancellationToken)
    {
        await using var connection = await Open(store, cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {LedgerStore.Schema}.{RelationshipEventsTable.Name} (key, position, stream_id, version, recorded_at) from stdin (format binary)", cancellationToken);
        foreach (var p in positions)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(p.Key, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.Position, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(p.StreamId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(p.Version, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(p.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> Open(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

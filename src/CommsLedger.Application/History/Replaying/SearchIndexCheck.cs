using CommsLedger.Application.Storage;
using CommsLedger.Projections.Search;
using JasperFx.Events;
using Npgsql;

namespace CommsLedger.Application.History.Replaying;

/// <summary>
/// The search index is a table, not documents, so its replay check runs the projection's own SQL over every event
/// into a temporary copy of the table, inside a transaction that is rolled back: nothing is written.
/// </summary>
internal static class SearchIndexCheck
{
    private const string Live = LedgerStore.Schema + "." + SearchEntriesTable.Name;
    private const string Scratch = "search_entries_replay";
    private const int BatchSize = 500;

    /// <summary>Every version row, keyed "entry id vN", as the text of its columns.</summary>
    public static Task<Dictionary<string, string>> Rows(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Read(connection, Live, cancellationToken);

    public static async Task<Dictionary<string, string>> Rebuilt(NpgsqlConnection connection, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"create temporary table {Scratch} (like {Live} including all) on commit drop", cancellationToken);
        var batch = new SearchIndexBatch(connection, BatchSize);
        foreach (var e in events)
        {
            await batch.Add(SearchIndexSql.For(e, Scratch), cancellationToken);
        }

        await batch.Flush(cancellationToken);
        var rows = await Read(connection, Scratch, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return rows;
    }

    private static async Task<Dictionary<string, string>> Read(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select entry_id::text || ' v' || version, row_to_json(t)::text from {table} t", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using CommsLedger.Projections.Search;
using Marten;

namespace CommsLedger.Application.Storage;

/// <summary>A rebuilt search index written in bulk: its rows by binary COPY into a scratch table, then into the index
/// by one statement that turns the language's name into its text-search configuration and a current row's missing end
/// into 'infinity' (PostgreSQL computes the generated document column as the rows go in, as it does live).</summary>
internal static class SearchIndexCopy
{
    private const string Scratch = "search_entries_rebuild";

    public static async Task Write(IDocumentStore store, SearchIndexRows rows, CancellationToken cancellationToken)
    {
        var columns = SearchEntriesTable.Columns.Select(c => (c.Name, Type: c.Type == "regconfig" ? "text" : c.Type)).ToArray();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"create temporary table {Scratch} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))}) on commit drop", cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync($"copy {Scratch} from stdin (format binary)", cancellationToken))
        {
            foreach (var row in rows.Closed.Concat(rows.Current))
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Length; i++)
                {
                    await (row[i] is { } value ? copy.WriteAsync(value, columns[i].Type, cancellationToken) : copy.WriteNullAsync(cancellationToken));
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        var values = string.Join(", ", columns.Select(c => c.Name switch
        {
            "config" => "config::regconfig",
            "known_until" => "coalesce(known_until, 'infinity')",
            var name => name,
        }));
        await Execute(connection, $"insert into {LedgerStore.Schema}.{SearchEntriesTable.Name} ({names}) select {values} from {Scratch}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using CommsLedger.Projections.Search;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace CommsLedger.Application.Storage;

/// <summary>A rebuilt search index written by one binary COPY of its rows: a language as its text-search
/// configuration's oid, a current row's missing end as 'infinity' (PostgreSQL computes the generated document column
/// as the rows go in, as it does live).</summary>
internal static class SearchIndexCopy
{
    public static async Task Write(IDocumentStore store, SearchIndexRows rows, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var configurations = await Configurations(connection, cancellationToken);
        var writers = SearchEntriesTable.Columns.Select(c => Writer(c.Name, c.Type, configurations)).ToArray();
        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {LedgerStore.Schema}.{SearchEntriesTable.Name} ({columns}) from stdin (format binary)", cancellationToken);
        foreach (var row in rows.Closed.Concat(rows.Current))
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < writers.Length; i++)
            {
                await writers[i](copy, row[i], cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> Writer(string name, string type, IReadOnlyDictionary<string, uint> configurations) =>
        (name, type) switch
        {
            ("known_until", _) => (copy, value, token) => copy.WriteAsync(value is DateTimeOffset at ? at.UtcDateTime : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, token),
            (_, "regconfig") => (copy, value, token) => copy.WriteAsync(configurations[(string)value!], NpgsqlDbType.Regconfig, token),
            (_, "uuid") => Typed<Guid>(NpgsqlDbType.Uuid),
            (_, "integer") => Typed<int>(NpgsqlDbType.Integer),
            (_, "text") => Typed<string>(NpgsqlDbType.Text),
            (_, "text[]") => Typed<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text),
            (_, "date") => Typed<DateOnly>(NpgsqlDbType.Date),
            (_, "boolean") => Typed<bool>(NpgsqlDbType.Boolean),
            (_, "timestamptz") => (copy, value, token) => value is DateTimeOffset at ? copy.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz, token) : copy.WriteNullAsync(token),
            _ => throw new InvalidOperationException($"search_entries.{name} has the type {type}, which a rebuild does not write"),
        };

    private static Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> Typed<T>(NpgsqlDbType type) =>
        (copy, value, token) => value is T typed ? copy.WriteAsync(typed, type, token) : copy.WriteNullAsync(token);

    private static async Task<IReadOnlyDictionary<string, uint>> Configurations(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select cfgname::text, oid from pg_ts_config where cfgnamespace = 'pg_catalog'::regnamespace and cfgname = any($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = SearchLanguage.All.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var configurations = new Dictionary<string, uint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            configurations[reader.GetString(0)] = reader.GetFieldValue<uint>(1);
        }

        return configurations;
    }
}

using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>Whether the ledger's tables exist, and the log's made when they do not.</summary>
public static class LogTables
{
    public static async Task<bool> ExistAsync(NpgsqlDataSource dataSource, string[] tables, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT bool_and(to_regclass(t) IS NOT NULL) FROM unnest($1::text[]) AS t");
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Creates the log's tables unless they exist. Checked first because under the append-only guard the
    /// application role may not CREATE in the schema at all, not even a table that is already there.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, LedgerSchema schema, CancellationToken ct)
    {
        if (await ExistAsync(dataSource, [schema.Leaves, schema.Checkpoints, schema.SequenceGaps], ct))
        {
            return;
        }

        await using var command = dataSource.CreateCommand(schema.CreateTablesSql());
        await command.ExecuteNonQueryAsync(ct);
    }
}

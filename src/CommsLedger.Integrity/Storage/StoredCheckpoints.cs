using CommsLedger.Integrity.Checkpoints;
using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>Signed checkpoints as kept in <c>ledger_checkpoints</c>; the text column is the exportable form.</summary>
public static class StoredCheckpoints
{
    public static async Task<Checkpoint?> LatestAsync(NpgsqlDataSource dataSource, LedgerSchema schema, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LatestAsync(connection, schema, ct);
    }

    /// <summary>The first (smallest) signed checkpoint whose tree includes the event numbered <paramref name="sequence"/>;
    /// null when the log does not exist yet or does not cover it yet. The first rather than the latest, so that the
    /// answer for a sequence never changes once it has one.</summary>
    public static async Task<Checkpoint?> FirstCoveringAsync(NpgsqlConnection connection, LedgerSchema schema, long sequence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = schema.Leaves });
            exists.Parameters.Add(new NpgsqlParameter { Value = schema.Checkpoints });
            if (await exists.ExecuteScalarAsync(ct) is not true)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand(
            $"SELECT c.checkpoint FROM {schema.Checkpoints} c JOIN {schema.Leaves} l ON c.tree_size > l.leaf_index WHERE l.seq_id = $1 ORDER BY c.tree_size LIMIT 1",
            connection)
        {
            Parameters = { new() { Value = sequence } },
        };
        return await command.ExecuteScalarAsync(ct) is string text ? Checkpoint.Parse(text) : null;
    }

    /// <summary>The text a reviewer keeps: <c>commsledger checkpoint export</c>.</summary>
    public static async Task<string?> ExportLatestAsync(NpgsqlDataSource dataSource, LedgerSchema schema, CancellationToken ct = default) =>
        (await LatestAsync(dataSource, schema, ct))?.ToText();

    internal static async Task<Checkpoint?> LatestAsync(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT checkpoint FROM {schema.Checkpoints} ORDER BY tree_size DESC LIMIT 1", connection);
        return await command.ExecuteScalarAsync(ct) is string text ? Checkpoint.Parse(text) : null;
    }

    /// <summary>Every stored row, smallest tree first, unparsed: a tampered row must be reported, not thrown.</summary>
    internal static async Task<IReadOnlyList<(long TreeSize, string Text)>> AllAsync(NpgsqlConnection connection, LedgerSchema schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT tree_size, checkpoint FROM {schema.Checkpoints} ORDER BY tree_size", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    internal static async Task InsertAsync(NpgsqlConnection connection, LedgerSchema schema, Checkpoint checkpoint, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {schema.Checkpoints} (tree_size, root_hash, signed_at, key_id, checkpoint) VALUES ($1, $2, $3, $4, $5)",
            connection)
        {
            Parameters =
            {
                new() { Value = checkpoint.TreeSize },
                new() { Value = checkpoint.RootHash.ToArray() },
                new() { Value = checkpoint.Time },
                new() { Value = checkpoint.KeyId },
                new() { Value = checkpoint.ToText() },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;

namespace CommsLedger.Reliability.Support;

/// <summary>What the suite asserts from: <c>mt_events</c> itself, read with plain SQL, never through the code under test.</summary>
public static class LedgerEvents
{
    /// <summary>Events per correlation id, for the ids given (absent ids appended nothing).</summary>
    public static async Task<Dictionary<string, long>> CountByCorrelation(string connectionString, IEnumerable<string> correlationIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select correlation_id, count(*) from commsledger.mt_events where correlation_id = any($1) group by correlation_id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = correlationIds.ToArray() });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<(string Key, long Count)>> Counts(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}

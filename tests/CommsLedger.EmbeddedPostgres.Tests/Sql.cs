using Npgsql;

namespace CommsLedger.EmbeddedPostgres.Tests;

/// <summary>One-shot queries over unpooled connections, so a test never leaves an idle client behind.</summary>
internal static class Sql
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> AcceptsConnectionsAsync(string connectionString)
    {
        try
        {
            await ExecuteAsync(connectionString, "select 1");
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
}

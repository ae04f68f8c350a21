using Npgsql;

namespace CommsLedger.Integrity.Storage;

/// <summary>
/// Several read-only connections that see the database as of one instant (<c>pg_export_snapshot</c>), so
/// streams read in parallel agree with each other while appends carry on.
/// </summary>
internal sealed class SharedSnapshot : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly List<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> _opened = [];
    private string? _id;

    private SharedSnapshot(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public static async Task<SharedSnapshot> TakeAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var snapshot = new SharedSnapshot(dataSource);
        var first = await snapshot.OpenAsync(ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", first);
        snapshot._id = (string)(await export.ExecuteScalarAsync(ct))!;
        return snapshot;
    }

    /// <summary>The connection that exported the snapshot; it must stay open while others join.</summary>
    public NpgsqlConnection First => _opened[0].Connection;

    /// <summary>Opens another connection in the same snapshot.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        _opened.Add((connection, transaction));
        var join = _id is null ? "" : $"; SET TRANSACTION SNAPSHOT '{_id.Replace("'", "''", StringComparison.Ordinal)}'";
        await using var command = new NpgsqlCommand("SET TRANSACTION READ ONLY" + join, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].Transaction.DisposeAsync();
            await _opened[i].Connection.DisposeAsync();
        }
    }
}

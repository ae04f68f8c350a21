using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>
/// Reads from a standby, where a deployment asks for it (<see cref="Setting"/>): the connection string names the
/// primary and its standbys (<c>Host=a,b</c>); writes keep going to the primary, and a request that only reads gets
/// its query session on a connection opened with <c>prefer-standby</c> (<see cref="ReadRouting"/>). PostgreSQL's own
/// streaming replication; Npgsql's multi-host data source picks the server.
/// </summary>
public sealed class StandbyReads(string connectionString) : IAsyncDisposable
{
    /// <summary>The setting (or <c>COMMSLEDGER_READS</c>) whose value <c>standby</c> turns standby reads on.</summary>
    public const string Setting = "Reads";

    private readonly NpgsqlDataSource _servers = NpgsqlDataSource.Create(connectionString);

    /// <summary>Whether the configured value asks for standby reads ("standby"; anything else, or nothing, is the primary).</summary>
    public static bool Wanted(string? value) => string.Equals(value?.Trim(), "standby", StringComparison.OrdinalIgnoreCase);

    /// <summary>An open connection to a standby, or to the primary when no standby answers.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _servers is NpgsqlMultiHostDataSource servers
            ? await servers.OpenConnectionAsync(TargetSessionAttributes.PreferStandby, cancellationToken)
            : await _servers.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _servers.DisposeAsync();
}

/// <summary>Where this request's query session reads: a read-only transaction on the standby connection the request
/// was given (<see cref="UseAsync"/>), else the store's own connection (the primary). Disposed with the request's scope.</summary>
public sealed class ReadRouting : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The read-only transaction on the standby this request's query session uses, if any.</summary>
    public NpgsqlTransaction? Standby { get; private set; }

    /// <summary>The standby connection, for checking how far it has replayed.</summary>
    public NpgsqlConnection? Connection => _connection;

    public async Task UseAsync(NpgsqlConnection standby, CancellationToken cancellationToken)
    {
        _connection = standby;
        Standby = await standby.BeginTransactionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Standby is not null)
        {
            await Standby.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

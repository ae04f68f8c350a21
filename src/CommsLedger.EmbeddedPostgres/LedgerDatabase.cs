namespace CommsLedger.EmbeddedPostgres;

/// <summary>Where the ledger lives, for every edge (CLI, API, web application): COMMSLEDGER_CONNECTION, else the
/// connection string the edge's configuration names (ConnectionStrings:CommsLedger), else the private embedded
/// cluster, which runs while the edge runs and stops with it.</summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "COMMSLEDGER_CONNECTION";
    public const string ConnectionName = "CommsLedger";

    private readonly EmbeddedCluster? _cluster;

    private LedgerDatabase(string connectionString, EmbeddedCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => _cluster is not null;

    /// <param name="configured">The edge's configured connection string (ConnectionStrings:CommsLedger), if any.</param>
    public static async Task<LedgerDatabase> OpenAsync(string? configured, CancellationToken cancellationToken)
    {
        var chosen = Environment.GetEnvironmentVariable(ConnectionVariable) ?? configured;
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return new LedgerDatabase(chosen, null);
        }

        var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.UserDefault(), cancellationToken);
        return new LedgerDatabase(cluster.ConnectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

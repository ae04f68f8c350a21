using CommsLedger.EmbeddedPostgres;

namespace CommsLedger.Api.Hosting;

/// <summary>Where the ledger lives, as for the CLI: COMMSLEDGER_CONNECTION or ConnectionStrings:CommsLedger, else the
/// private embedded cluster, which runs while the API runs and stops with it.</summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private readonly EmbeddedCluster? _cluster;

    private LedgerDatabase(string connectionString, EmbeddedCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => _cluster is not null;

    public static async Task<LedgerDatabase> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable("COMMSLEDGER_CONNECTION") ?? configuration.GetConnectionString("CommsLedger");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new LedgerDatabase(configured, null);
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

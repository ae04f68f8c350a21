using CommsLedger.EmbeddedPostgres;
using Microsoft.Extensions.Configuration;

namespace CommsLedger.Cli.Hosting;

/// <summary>Where the ledger lives: the configured connection string (COMMSLEDGER_CONNECTION, or
/// ConnectionStrings:CommsLedger in appsettings.json), else the private embedded cluster.</summary>
public sealed class LedgerConnection : IAsyncDisposable
{
    private readonly EmbeddedCluster? _cluster;

    private LedgerConnection(string connectionString, EmbeddedCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<LedgerConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        var configured = Environment.GetEnvironmentVariable("COMMSLEDGER_CONNECTION")
            ?? configuration.GetConnectionString("CommsLedger");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new LedgerConnection(configured, null);
        }

        var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.UserDefault(), cancellationToken);
        return new LedgerConnection(cluster.ConnectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

using CommsLedger.EmbeddedPostgres;

namespace CommsLedger.Tests.Shared;

/// <summary>One throw-away PostgreSQL cluster for the whole test assembly, from the same launcher users get.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync() => _cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}

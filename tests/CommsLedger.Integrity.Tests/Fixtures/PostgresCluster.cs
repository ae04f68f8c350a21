using System.Collections.Concurrent;
using CommsLedger.EmbeddedPostgres;
using Npgsql;

namespace CommsLedger.Integrity.Tests.Fixtures;

/// <summary>One throw-away PostgreSQL cluster for the whole test assembly; a fresh database per test class,
/// and a fresh ledger schema per test.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new();
    private EmbeddedCluster? _cluster;
    private int _schemas;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A new schema in the test class's database, with roles, Marten's tables and the guard installed.</summary>
    public async Task<TestLedger> NewLedgerAsync(string testClass, bool martenFirstAsSuperuser = false)
    {
        var database = await _databases.GetOrAdd(
            testClass,
            name => new Lazy<Task<string>>(() => Cluster.CreateDatabaseAsync(name.ToLowerInvariant()))).Value;
        var schema = $"ledger_{Interlocked.Increment(ref _schemas)}";
        return await TestLedger.CreateAsync(database, schema, martenFirstAsSuperuser);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}

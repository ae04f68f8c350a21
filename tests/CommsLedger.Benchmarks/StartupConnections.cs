using Npgsql;
using CommsLedger.EmbeddedPostgres;

namespace CommsLedger.Benchmarks;

/// <summary>The three ways a command can reach the same seeded ledger: a role outside the guard (Marten checks the
/// schema on every start, as every start did before the fingerprint), the application role, and a superuser.</summary>
public sealed class StartupConnections
{
    private StartupConnections(Connection unguarded, Connection app, Connection superuser)
    {
        Unguarded = unguarded;
        App = app;
        Superuser = superuser;
    }

    public Connection Unguarded { get; }

    public Connection App { get; }

    public Connection Superuser { get; }

    /// <param name="seed">Runs <c>demo</c> on a connection.</param>
    public static async Task<StartupConnections> PrepareAsync(EmbeddedCluster cluster, string secrets, Func<Connection, Task> seed)
    {
        var superuser = new Connection(await cluster.CreateDatabaseAsync("bench_startup"), secrets);
        await seed(superuser);
        var kept = await RolePasswords.LoadOrCreateAsync(Directory.GetFiles(secrets, "roles-*.json").Single(), CancellationToken.None);
        var app = superuser with { ConnectionString = As(superuser.ConnectionString, "commsledger_app", kept.App) };

        var legacyDatabase = await cluster.CreateDatabaseAsync("bench_startup_unguarded");
        await using (var connection = new NpgsqlConnection(legacyDatabase))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("create role bench_unguarded login password 'bench'; alter database bench_startup_unguarded owner to bench_unguarded", connection);
            await command.ExecuteNonQueryAsync();
        }

        var unguarded = superuser with { ConnectionString = As(legacyDatabase, "bench_unguarded", "bench") };
        await seed(unguarded);
        return new StartupConnections(unguarded, app, superuser);
    }

    private static string As(string connectionString, string role, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString;

    /// <param name="Secrets">Where the generated role passwords and the ledger key are kept for this run.</param>
    public sealed record Connection(string ConnectionString, string Secrets);
}

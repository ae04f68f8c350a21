using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Topology;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommsLedger.Application.Tests.Topology;

/// <summary>Start-up on a real server: the first start as a superuser makes the roles and migrates; later starts
/// compare the stored schema fingerprint with the code's in one query and leave the schema alone when they match.</summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SchemaFingerprintTests(PostgresCluster postgres) : IDisposable
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "commsledger-roles-" + Guid.NewGuid().ToString("N")[..8]);

    private string RolesFile => Path.Combine(_secrets, "roles.json");

    [Fact]
    public async Task a_superusers_first_start_makes_the_roles_migrates_and_runs_as_the_app_role_which_can_record()
    {
        var superuser = await NewDatabase();

        await using (var connections = await Open(superuser))
        {
            Assert.Equal("commsledger_app", new NpgsqlConnectionStringBuilder(connections.App).Username);
            Assert.True(connections.IsProtected);
            Assert.False(connections.ManagesSchema);
            await using var services = new ServiceCollection().AddLedger(connections.App, manageSchema: false).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<Actor>();
            actor.Clearance = Classification.TopSecret;
            actor.Roles = new HashSet<LedgerRole> { LedgerRole.Recorder };
            var record = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogInteraction(SeedCall.Draft()));
            Assert.NotEqual(Guid.Empty, record.Id);
        }

        Assert.Equal(SchemaFingerprint.Expected, await StoredFingerprint(superuser));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(RolesFile));
    }

    [Fact]
    public async Task when_the_stored_fingerprint_matches_the_schema_is_not_checked_and_when_it_differs_it_is_migrated()
    {
        var superuser = await NewDatabase();
        await (await Open(superuser)).DisposeAsync();
        var table = (string)(await Scalar(superuser, "select tablename::text from pg_tables where schemaname = 'commsledger' and tablename like 'mt_doc_%' order by 1 limit 1"))!;
        await Execute(superuser, $"drop table commsledger.{table}");

        await (await Open(superuser)).DisposeAsync();
        var afterMatchingStart = await TableExists(superuser, table);
        await Execute(superuser, "comment on schema commsledger is 'commsledger-schema sha256:an-older-version'");
        await (await Open(superuser)).DisposeAsync();

        Assert.False(afterMatchingStart);
        Assert.True(await TableExists(superuser, table));
        Assert.Equal(SchemaFingerprint.Expected, await StoredFingerprint(superuser));
    }

    [Fact]
    public async Task the_app_role_with_an_older_schema_migrates_through_the_owners_connection_or_stops_saying_how()
    {
        var superuser = await NewDatabase();
        await (await Open(superuser)).DisposeAsync();
        var passwords = await RolePasswords.LoadOrCreateAsync(RolesFile, CancellationToken.None);
        var app = new NpgsqlConnectionStringBuilder(superuser) { Username = "commsledger_app", Password = passwords.App }.ConnectionString;
        var owner = new NpgsqlConnectionStringBuilder(superuser) { Username = "commsledger_owner", Password = passwords.Owner }.ConnectionString;
        await Execute(superuser, "comment on schema commsledger is 'commsledger-schema sha256:an-older-version'");

        var stopped = await Assert.ThrowsAsync<SchemaOutOfDate>(() => LedgerConnections.OpenAsync(LedgerDatabase.OnServer(app, RolesFile), CancellationToken.None));
        await using (var migrated = await LedgerConnections.OpenAsync(LedgerDatabase.OnServer(app, RolesFile, owner), CancellationToken.None))
        {
            Assert.Equal(app, migrated.App);
            Assert.True(migrated.IsProtected);
        }

        Assert.Contains("COMMSLEDGER_OWNER_CONNECTION", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(SchemaFingerprint.Expected, await StoredFingerprint(superuser));
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_secrets))
        {
            Directory.Delete(_secrets, recursive: true);
        }
    }

    private Task<LedgerConnections> Open(string connectionString) =>
        LedgerConnections.OpenAsync(LedgerDatabase.OnServer(connectionString, RolesFile), CancellationToken.None);

    private Task<string> NewDatabase() => postgres.Cluster.CreateDatabaseAsync("fp" + Guid.NewGuid().ToString("N")[..12]);

    private static async Task<string?> StoredFingerprint(string connectionString) =>
        await Scalar(connectionString, "select obj_description('commsledger'::regnamespace, 'pg_namespace')") as string;

    private static async Task<bool> TableExists(string connectionString, string table) =>
        await Scalar(connectionString, $"select to_regclass('commsledger.{table}') is not null") is true;

    private static async Task Execute(string connectionString, string sql) => await Scalar(connectionString, sql);

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

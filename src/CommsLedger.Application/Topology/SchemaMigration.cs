using CommsLedger.Application.Storage;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Integrity.AppendOnly;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>The two steps that change the database, each idempotent: creating the ledger's roles (a superuser's
/// job, once per server), and migrating as the schema owner — Marten's schema, the append-only guard and its grants,
/// then the fingerprint — which runs only when the stored fingerprint differs from the code's.</summary>
public static class SchemaMigration
{
    private const string MigrationLock = "commsledger.schema-migration";

    /// <summary>A migration may rebuild an index over every search entry (minutes at millions of rows), longer than a
    /// query's 30 s; it is still bounded, so a migration stuck behind a lock ends with an error rather than never.</summary>
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(30);

    public static LedgerRoles Roles => LedgerRoles.Default;

    /// <summary>As a superuser: both roles with these passwords, the schema and everything in it owned by the owner.</summary>
    public static async Task CreateRolesAsync(string superuserConnection, RolePasswords passwords, CancellationToken cancellationToken)
    {
        await using var admin = NpgsqlDataSource.Create(Unpooled(superuserConnection));
        await AppendOnlyGuard.CreateRolesAsync(admin, SchemaFingerprint.Schema, Roles, passwords.Owner, passwords.App, cancellationToken);
    }

    /// <summary>As the owner: migrates unless the stored fingerprint already matches. Nodes starting together queue on
    /// an advisory lock, and the later ones find the work done.</summary>
    public static async Task MigrateIfNeededAsync(string ownerConnection, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Unpooled(ownerConnection));
        await connection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", connection))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = MigrationLock });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        if ((await SchemaFingerprint.ProbeAsync(connection, cancellationToken)).IsCurrent)
        {
            return;
        }

        using (var store = DocumentStore.For(options => LedgerStore.Configure(options, Patient(ownerConnection))))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await using var owner = NpgsqlDataSource.Create(Unpooled(Patient(ownerConnection)));
        await AppendOnlyGuard.InstallAsync(owner, SchemaFingerprint.Schema, Roles, cancellationToken);
        await using var comment = new NpgsqlCommand(SchemaFingerprint.CommentSql(), connection);
        await comment.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string As(string connectionString, string role, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString;

    private static string Patient(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = (int)MigrationCommandTimeout.TotalSeconds }.ConnectionString;

    // Set-up connections are used once: leaving them idle in a pool would keep an embedded server from stopping.
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}

using CommsLedger.EmbeddedPostgres;
using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>
/// The ledger's database as the running application (CLI, API, web) uses it: protected by default. Opening it
/// <list type="bullet">
/// <item>as a superuser (the embedded default, or a superuser's COMMSLEDGER_CONNECTION): creates the owner and
/// application roles on first use with generated passwords kept in a 0600 file (<see cref="LedgerDatabase.RolePasswordsFile"/>),
/// migrates as the owner when needed, and hands back the application role's connection;</item>
/// <item>as the application role: one query compares the stored schema fingerprint with the code's; on a difference
/// the owner's connection (COMMSLEDGER_OWNER_CONNECTION) migrates, and without one the start-up stops (<see cref="SchemaOutOfDate"/>);</item>
/// <item>as the owner: migrates when needed and runs as itself (allowed, but the application role is the one to run as);</item>
/// <item>as any other role (a ledger from before the guard): Marten manages the schema as before; <c>commsledger guard install</c>
/// protects it.</item>
/// </list>
/// When the fingerprint matches, Marten never checks the schema (<c>AutoCreate.None</c>): one query instead of dozens.
/// That query runs on <see cref="DataSource"/>, the pool the application then uses, so its first query finds a
/// connection already logged in and Npgsql's types already loaded, instead of paying both a second time.
/// </summary>
public sealed class LedgerConnections : IAsyncDisposable
{
    private LedgerConnections(LedgerDatabase database, (string ConnectionString, NpgsqlDataSource Pool) app, bool managesSchema, bool isProtected)
    {
        Database = database;
        (App, DataSource) = app;
        ManagesSchema = managesSchema;
        IsProtected = isProtected;
    }

    public LedgerDatabase Database { get; }

    /// <summary>The connection string the running application uses.</summary>
    public string App { get; }

    /// <summary>The running application's pool on <see cref="App"/>, owned by this object (Marten is handed it, and
    /// does not dispose what it is handed).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Whether Marten should still check and change the schema itself (only for a ledger from before the guard).</summary>
    public bool ManagesSchema { get; }

    /// <summary>Whether the application runs as the least-privileged role, under the append-only guard.</summary>
    public bool IsProtected { get; }

    public static async Task<LedgerConnections> OpenAsync(string? configured, CancellationToken cancellationToken) =>
        await OpenAsync(await LedgerDatabase.OpenAsync(configured, cancellationToken), cancellationToken);

    /// <summary>Takes <paramref name="database"/> over: it is disposed with the result, or at once if this fails.</summary>
    public static async Task<LedgerConnections> OpenAsync(LedgerDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            return await PrepareAsync(database, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>As a superuser: the roles (with these passwords, or the kept or newly generated ones), the schema
    /// migrated by the owner, the guard installed. Returns the application role's connection string.</summary>
    public static async Task<string> ProtectAsync(LedgerDatabase database, RolePasswords? given, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            await given.SaveAsync(database.RolePasswordsFile, cancellationToken);
        }

        return await ProvisionAsync(database, given ?? await RolePasswords.LoadOrCreateAsync(database.RolePasswordsFile, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Its idle connections would otherwise count as clients keeping the embedded server up.
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task<string> ProvisionAsync(LedgerDatabase database, RolePasswords passwords, CancellationToken cancellationToken)
    {
        await SchemaMigration.CreateRolesAsync(database.ConnectionString, passwords, cancellationToken);
        await SchemaMigration.MigrateIfNeededAsync(SchemaMigration.As(database.ConnectionString, SchemaMigration.Roles.Owner, passwords.Owner), cancellationToken);
        return SchemaMigration.As(database.ConnectionString, SchemaMigration.Roles.App, passwords.App);
    }

    private static async Task<LedgerConnections> PrepareAsync(LedgerDatabase database, CancellationToken cancellationToken)
    {
        if (database.IsEmbedded)
        {
            return new(database, await AsSuperuserAsync(database, cancellationToken), managesSchema: false, isProtected: true);
        }

        var pool = NpgsqlDataSource.Create(database.ConnectionString);
        var configured = (database.ConnectionString, pool);
        try
        {
            var probe = await ProbeAsync(pool, cancellationToken);
            if (probe.IsSuperuser)
            {
                await pool.DisposeAsync();
                return new(database, await AsSuperuserAsync(database, cancellationToken), managesSchema: false, isProtected: true);
            }

            if (probe.IsCurrent)
            {
                return new(database, configured, managesSchema: false, isProtected: probe.User == SchemaMigration.Roles.App);
            }

            if (probe.User == SchemaMigration.Roles.App)
            {
                await SchemaMigration.MigrateIfNeededAsync(database.OwnerConnectionString ?? throw new SchemaOutOfDate(probe.User), cancellationToken);
                return new(database, configured, managesSchema: false, isProtected: true);
            }

            if (probe.User == SchemaMigration.Roles.Owner)
            {
                await SchemaMigration.MigrateIfNeededAsync(database.ConnectionString, cancellationToken);
                return new(database, configured, managesSchema: false, isProtected: false);
            }

            return new(database, configured, managesSchema: true, isProtected: false);
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
    }

    /// <summary>The kept application password is tried first: when it logs in and the schema is current, that one
    /// query is all a start-up costs. Otherwise (first use, a server that forgot the roles, a new version) the roles
    /// are (re)made and the schema migrated.</summary>
    private static async Task<(string, NpgsqlDataSource)> AsSuperuserAsync(LedgerDatabase database, CancellationToken cancellationToken)
    {
        var passwords = await RolePasswords.LoadOrCreateAsync(database.RolePasswordsFile, cancellationToken);
        var app = SchemaMigration.As(database.ConnectionString, SchemaMigration.Roles.App, passwords.App);
        var pool = NpgsqlDataSource.Create(app);
        try
        {
            if ((await ProbeAsync(pool, cancellationToken)).IsCurrent)
            {
                return (app, pool);
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }

        await pool.DisposeAsync();
        app = await ProvisionAsync(database, passwords, cancellationToken);
        return (app, NpgsqlDataSource.Create(app));
    }

    private static async Task<SchemaFingerprint.Probe> ProbeAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        return await SchemaFingerprint.ProbeAsync(connection, cancellationToken);
    }
}

using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>A PostgreSQL server running from a folder of our own: created on first start, reused while
/// running, stopped on dispose by the instance that started it.</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private const int MaxDatabaseNameBytes = 63;
    private static readonly TimeSpan ClientsLeavingGrace = TimeSpan.FromSeconds(1);

    private readonly EmbeddedClusterOptions options;
    private readonly ClusterLayout layout;
    private readonly ServerControl server;
    private readonly string password;
    private readonly int? startedPostmasterPid;
    private readonly NpgsqlConnection? reuseLease;
    private readonly ConcurrentDictionary<string, byte> handedOutConnectionStrings = new();
    private bool disposed;

    private EmbeddedCluster(
        EmbeddedClusterOptions options, ClusterLayout layout, ServerControl server, string password, int port,
        int? startedPostmasterPid, NpgsqlConnection? reuseLease)
    {
        this.options = options;
        this.layout = layout;
        this.server = server;
        this.password = password;
        this.startedPostmasterPid = startedPostmasterPid;
        this.reuseLease = reuseLease;
        Port = port;
        ConnectionString = ConnectionStringFor(options.Database);
    }

    /// <summary>Connection string to <see cref="EmbeddedClusterOptions.Database"/> as the cluster superuser.</summary>
    public string ConnectionString { get; }

    public string DataDirectory => layout.Root;

    /// <summary>Where the passwords of the ledger's roles on this cluster are kept (beside its superuser's).</summary>
    public string RolePasswordsFile => layout.RolePasswordsFile;

    public int Port { get; }

    /// <summary>The postmaster's process id, when this instance started the server.</summary>
    public int? PostmasterPid => startedPostmasterPid;

    internal string SuperuserPassword => password;

    public static async Task<EmbeddedCluster> StartAsync(
        EmbeddedClusterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "The embedded PostgreSQL launcher needs Linux or macOS; set COMMSLEDGER_CONNECTION to an existing server instead.");
        }

        var layout = new ClusterLayout(Path.GetFullPath(options.DataDirectory));
        var folderIsNew = !Directory.Exists(layout.Root);
        EmbeddedCluster cluster;
        try
        {
            cluster = await OpenAsync(options, layout, cancellationToken);
        }
        catch when (options.DeleteOnDispose && folderIsNew)
        {
            DeleteFolder(layout.Root);
            throw;
        }

        try
        {
            // A standby is read-only: the database comes with the copy of its primary.
            if (options.StandbyOf is null)
            {
                await cluster.CreateDatabaseAsync(options.Database, cancellationToken);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database unless it exists, and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (Encoding.UTF8.GetByteCount(name) > MaxDatabaseNameBytes)
        {
            throw new ArgumentException($"PostgreSQL database names are at most {MaxDatabaseNameBytes} bytes.", nameof(name));
        }

        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        // Two sessions creating the same database at once can also collide on pg_database's unique index.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Ends recovery on a standby (<c>pg_ctl promote</c>): from then on it is a primary that takes writes.</summary>
    public Task PromoteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return server.PromoteAsync(cancellationToken);
    }

    /// <summary>Stops the server if this instance started it and nobody else is connected (a throw-away
    /// cluster is stopped regardless), then deletes a throw-away cluster's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (reuseLease is not null)
        {
            await reuseLease.DisposeAsync();
        }

        ClearOwnPools();

        var serverGone = await StopIfOursAsync();
        if (options.DeleteOnDispose && serverGone)
        {
            DeleteFolder(layout.Root);
        }
    }

    private static async Task<EmbeddedCluster> OpenAsync(
        EmbeddedClusterOptions options, ClusterLayout layout, CancellationToken cancellationToken)
    {
        var account = ServerAccount.Current;
        var server = new ServerControl(await PostgresBinaries.LocateAsync(cancellationToken), layout, account);
        await account.PrepareFolderAsync(layout.Root, cancellationToken);
        using var folderLock = await FolderLock.AcquireAsync(layout.LockFile, cancellationToken);

        var settings = await ClusterSetup.LoadOrInitializeAsync(server, layout, account, options, cancellationToken);
        if (await ConnectToRunningServerAsync(server, layout, settings.Password, cancellationToken) is { } lease)
        {
            return new EmbeddedCluster(options, layout, server, settings.Password, lease.Port, null, lease.Connection);
        }

        settings = await ClusterSetup.PrepareStartAsync(settings, server, layout, options, cancellationToken);
        var postmasterPid = await server.StartAsync(cancellationToken);
        return new EmbeddedCluster(options, layout, server, settings.Password, settings.Port, postmasterPid, null);
    }

    /// <summary>A connection to a server already running from this folder. It stays open while we use
    /// that server, so its owner sees a client and does not stop it under us.</summary>
    private static async Task<(NpgsqlConnection Connection, int Port)?> ConnectToRunningServerAsync(
        ServerControl server, ClusterLayout layout, string password, CancellationToken cancellationToken)
    {
        if (server.ReadPostmasterPort() is not { } port)
        {
            return null;
        }

        var connection = new NpgsqlConnection(AdminConnectionString(port, password));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var query = new NpgsqlCommand("select current_setting('data_directory')", connection);
            if (await query.ExecuteScalarAsync(cancellationToken) as string == layout.Data)
            {
                return (connection, port);
            }
        }
        catch (NpgsqlException)
        {
            // Nothing of ours answers there: a stale postmaster.pid after a crash, or a server still starting.
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Returns whether no server is left running from this folder.</summary>
    private async Task<bool> StopIfOursAsync()
    {
        if (startedPostmasterPid is null)
        {
            return false;
        }

        using var folderLock = await FolderLock.AcquireAsync(layout.LockFile, CancellationToken.None);
        var runningPid = await server.RunningPostmasterPidAsync(CancellationToken.None);
        if (runningPid is null)
        {
            return true;
        }
        // Another instance restarted it after ours died: not ours to stop.
        if (runningPid != startedPostmasterPid)
        {
            return false;
        }

        if (!options.DeleteOnDispose && await OtherClientsStayConnectedAsync())
        {
            return false;
        }

        await server.StopAsync(CancellationToken.None);
        return true;
    }

    // Idle connections pooled in this process would otherwise count as other clients and keep the server up.
    private void ClearOwnPools()
    {
        foreach (var connectionString in handedOutConnectionStrings.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private async Task<bool> OtherClientsStayConnectedAsync()
    {
        // A client that just closed its connection still shows in pg_stat_activity for a moment.
        var giveUpAt = DateTime.UtcNow + ClientsLeavingGrace;
        while (true)
        {
            await using var connection = await OpenAdminConnectionAsync(CancellationToken.None);
            await using var count = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
                connection);
            if ((long)(await count.ExecuteScalarAsync())! == 0)
            {
                return false;
            }

            if (DateTime.UtcNow >= giveUpAt)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(AdminConnectionString(Port, password));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // Unpooled, so our own housekeeping never counts as "another client" when deciding whether to stop.
    private static string AdminConnectionString(int port, string password) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString(port, password, ServerControl.Superuser))
        {
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;

    private string ConnectionStringFor(string database)
    {
        var connectionString = BaseConnectionString(Port, password, database);
        handedOutConnectionStrings.TryAdd(connectionString, 0);
        return connectionString;
    }

    private static string BaseConnectionString(int port, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = database,
            Username = ServerControl.Superuser,
            Password = password,
        }.ConnectionString;

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

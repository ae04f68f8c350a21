using Npgsql;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>Where the ledger lives, for every edge (CLI, API, web application): COMMSLEDGER_CONNECTION, else the
/// connection string the edge's configuration names (ConnectionStrings:CommsLedger), else the private embedded
/// cluster, which runs while the edge runs and stops with it. A password may come from a file (COMMSLEDGER_PASSWORD_FILE,
/// as container secrets are given), and the schema owner's connection, used only to migrate, from
/// COMMSLEDGER_OWNER_CONNECTION (and COMMSLEDGER_OWNER_PASSWORD_FILE).</summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "COMMSLEDGER_CONNECTION";
    public const string PasswordFileVariable = "COMMSLEDGER_PASSWORD_FILE";
    public const string OwnerConnectionVariable = "COMMSLEDGER_OWNER_CONNECTION";
    public const string OwnerPasswordFileVariable = "COMMSLEDGER_OWNER_PASSWORD_FILE";
    public const string SecretsVariable = "COMMSLEDGER_SECRETS";
    public const string ConnectionName = "CommsLedger";

    private readonly EmbeddedCluster? _cluster;

    private LedgerDatabase(string connectionString, string? ownerConnectionString, string rolePasswordsFile, EmbeddedCluster? cluster)
    {
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        RolePasswordsFile = rolePasswordsFile;
        _cluster = cluster;
    }

    /// <summary>The connection as configured: the embedded cluster's superuser, or whatever role the deployment gave.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema owner's connection, when the deployment gives one for migrations.</summary>
    public string? OwnerConnectionString { get; }

    /// <summary>Where the ledger roles' passwords are kept when this program creates the roles itself (connected as a
    /// superuser): beside the embedded cluster, else in COMMSLEDGER_SECRETS or ~/.config/commsledger, one file per server.</summary>
    public string RolePasswordsFile { get; }

    public bool IsEmbedded => _cluster is not null;

    /// <param name="configured">The edge's configured connection string (ConnectionStrings:CommsLedger), if any.</param>
    public static async Task<LedgerDatabase> OpenAsync(string? configured, CancellationToken cancellationToken)
    {
        var owner = WithPasswordFrom(Environment.GetEnvironmentVariable(OwnerConnectionVariable), OwnerPasswordFileVariable);
        var chosen = Environment.GetEnvironmentVariable(ConnectionVariable) ?? configured;
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            var connection = WithPasswordFrom(chosen, PasswordFileVariable)!;
            return new LedgerDatabase(connection, owner, SecretsFileFor(connection), null);
        }

        var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.UserDefault(), cancellationToken);
        return new LedgerDatabase(cluster.ConnectionString, owner, cluster.RolePasswordsFile, cluster);
    }

    /// <summary>A server given by connection string, its ledger roles' passwords kept in <paramref name="rolePasswordsFile"/>
    /// (hosts and tests that choose where secrets live).</summary>
    public static LedgerDatabase OnServer(string connectionString, string rolePasswordsFile, string? ownerConnectionString = null) =>
        new(connectionString, ownerConnectionString, rolePasswordsFile, null);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private static string? WithPasswordFrom(string? connectionString, string passwordFileVariable)
    {
        if (string.IsNullOrWhiteSpace(connectionString) || Environment.GetEnvironmentVariable(passwordFileVariable) is not { Length: > 0 } file)
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Password = File.ReadAllText(file).TrimEnd('\r', '\n') }.ConnectionString;
    }

    // Roles belong to a server, not a database, so one file per server (the first host of a multi-host string).
    private static string SecretsFileFor(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = (builder.Host ?? "localhost").Split(',')[0].Split(':')[0];
        var folder = Environment.GetEnvironmentVariable(SecretsVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(ConfigHome(), "commsledger");
        var name = string.Concat($"roles-{host}-{builder.Port}.json".Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        return Path.Combine(folder, name);
    }

    private static string ConfigHome() =>
        Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
}

namespace CommsLedger.EmbeddedPostgres;

/// <summary>What lives where inside a cluster folder. PostgreSQL's own data directory is a subfolder,
/// because initdb insists on an empty one and our settings, lock and log sit beside it.</summary>
internal sealed record ClusterLayout(string Root)
{
    public string Data => Path.Combine(Root, "data");

    public string SettingsFile => Path.Combine(Root, "cluster.json");

    public string LockFile => Path.Combine(Root, "cluster.lock");

    public string LogFile => Path.Combine(Root, "server.log");

    public string PasswordFile => Path.Combine(Root, "initdb-password");

    /// <summary>A standby's password for its primary (libpq's pgpass format), read by pg_basebackup and by the
    /// standby's own WAL receiver, so no password is ever on a command line.</summary>
    public string PassFile => Path.Combine(Root, "primary.pgpass");

    /// <summary>The ledger roles' passwords, generated on first use (see <see cref="RolePasswords"/>).</summary>
    public string RolePasswordsFile => Path.Combine(Root, "roles.json");

    public string MainConfigFile => Path.Combine(Data, "postgresql.conf");

    public string OwnConfigFile => Path.Combine(Data, ServerConfig.FileName);

    public string PostmasterPidFile => Path.Combine(Data, "postmaster.pid");
}

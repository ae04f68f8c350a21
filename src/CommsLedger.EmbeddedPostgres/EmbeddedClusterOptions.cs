namespace CommsLedger.EmbeddedPostgres;

/// <summary>Where an embedded PostgreSQL cluster lives and what happens to it on dispose.</summary>
public sealed record EmbeddedClusterOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>Throw-away cluster: its folder is deleted on dispose, and durability is traded for speed.</summary>
    public bool DeleteOnDispose { get; init; }

    public string Database { get; init; } = "commsledger";

    /// <summary>PostgreSQL settings written last into the cluster's own config file, so they win over ours
    /// (e.g. <c>synchronous_standby_names</c> on a primary whose commits must wait for a standby).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Make this cluster a streaming standby of that one: on first start its folder is copied from the primary
    /// by <c>pg_basebackup -R</c> instead of being made by initdb, and no database is created on it.</summary>
    public EmbeddedCluster? StandbyOf { get; init; }

    /// <summary>The cluster a user keeps between runs: <c>$XDG_DATA_HOME/commsledger/postgres</c>
    /// (or <c>~/.local/share/…</c>); <c>/var/lib/commsledger/postgres</c> when running as root.</summary>
    public static EmbeddedClusterOptions UserDefault() => new()
    {
        DataDirectory = UserDefaultDirectory(
            ServerAccount.Current.IsRoot,
            Environment.GetEnvironmentVariable("XDG_DATA_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
    };

    /// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
    public static EmbeddedClusterOptions ThrowAway() => new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"commsledger-{Guid.NewGuid():N}"),
        DeleteOnDispose = true,
    };

    internal static string UserDefaultDirectory(bool isRoot, string? xdgDataHome, string home)
    {
        // root's home is not traversable by the postgres account that must own the files.
        if (isRoot)
        {
            return "/var/lib/commsledger/postgres";
        }

        // The XDG spec says relative values are invalid and must be ignored.
        var dataHome = string.IsNullOrEmpty(xdgDataHome) || !Path.IsPathRooted(xdgDataHome)
            ? Path.Combine(home, ".local", "share")
            : xdgDataHome;
        return Path.Combine(dataHome, "commsledger", "postgres");
    }
}

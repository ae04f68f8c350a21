namespace CommsLedger.EmbeddedPostgres;

/// <summary>Our settings, in a file of their own that postgresql.conf includes, so they are rewritten on every start
/// (a new port, a new release's settings) without editing PostgreSQL's.</summary>
internal static class ServerConfig
{
    public const string FileName = "commsledger.conf";

    public static string IncludeDirective => $"{Environment.NewLine}include '{FileName}'{Environment.NewLine}";

    public static string Render(int port, string socketDirectory, bool throwAway, IReadOnlyDictionary<string, string>? settings = null)
    {
        string[] lines =
        [
            "# Written by CommsLedger.EmbeddedPostgres; rewritten on every start.",
            "listen_addresses = '127.0.0.1'",
            $"port = {port}",
            $"unix_socket_directories = {Quote(socketDirectory)}",
            $"shared_buffers = {SharedBuffers(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}",
            "max_wal_size = 256MB",
            .. throwAway ? ThrowAwaySpeedups : [],
            .. (settings ?? new Dictionary<string, string>()).Select(setting => $"{setting.Key} = {Quote(setting.Value)}"),
        ];
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>
    /// PostgreSQL's own cache of table and index pages: a quarter of the memory this process may use (PostgreSQL's
    /// starting advice for a server of its own; a container's limit counts), at least PostgreSQL's default of 128 MB
    /// and at most 2 GB, since the cluster shares its machine with the application. With a fixed 64 MB, a search over a
    /// million entries (a 1 GB table) read most of its pages through the kernel on every query and took up to twice as
    /// long (README "Search"). The memory is reserved, not used: a page is taken only when it is first read.
    /// </summary>
    internal static string SharedBuffers(long memoryBytes) =>
        $"{Math.Clamp(memoryBytes / 4 / (1024 * 1024), 128, 2048)}MB";

    // Safe only because a throw-away cluster's data need not survive a crash.
    private static readonly string[] ThrowAwaySpeedups =
        ["fsync = off", "synchronous_commit = off", "full_page_writes = off"];

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

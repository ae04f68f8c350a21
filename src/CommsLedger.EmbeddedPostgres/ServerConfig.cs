namespace CommsLedger.EmbeddedPostgres;

/// <summary>Our settings, in a file of their own that postgresql.conf includes, so changing the port
/// rewrites one small file instead of editing PostgreSQL's.</summary>
internal static class ServerConfig
{
    public const string FileName = "commsledger.conf";

    public static string IncludeDirective => $"{Environment.NewLine}include '{FileName}'{Environment.NewLine}";

    public static string Render(int port, string socketDirectory, bool throwAway, IReadOnlyDictionary<string, string>? settings = null)
    {
        string[] lines =
        [
            "# Written by CommsLedger.EmbeddedPostgres; rewritten when the port changes.",
            "listen_addresses = '127.0.0.1'",
            $"port = {port}",
            $"unix_socket_directories = {Quote(socketDirectory)}",
            "shared_buffers = 64MB",
            "max_wal_size = 256MB",
            .. throwAway ? ThrowAwaySpeedups : [],
            .. (settings ?? new Dictionary<string, string>()).Select(setting => $"{setting.Key} = {Quote(setting.Value)}"),
        ];
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    // Safe only because a throw-away cluster's data need not survive a crash.
    private static readonly string[] ThrowAwaySpeedups =
        ["fsync = off", "synchronous_commit = off", "full_page_writes = off"];

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
